\ gforth_environment.fs -- the word-set queries of ENVIRONMENT? answer true, as in gforth 0.7.3.
: q ( c-addr u -- ) 2dup type space environment? dup . if drop then cr ;
s" CORE" q
s" CORE-EXT" q
s" DOUBLE" q
s" DOUBLE-EXT" q
s" EXCEPTION" q
s" EXCEPTION-EXT" q
s" FACILITY" q
s" FACILITY-EXT" q
s" FILE" q
s" FILE-EXT" q
s" FLOATING" q
s" FLOATING-EXT" q
s" LOCALS" q
s" LOCALS-EXT" q
s" MEMORY-ALLOC" q
s" MEMORY-ALLOC-EXT" q
s" SEARCH-ORDER" q
s" SEARCH-ORDER-EXT" q
s" STRING" q
s" STRING-EXT" q
s" TOOLS" q
s" TOOLS-EXT" q
s" BLOCK" q
s" BLOCK-EXT" q
s" XCHAR" q
s" XCHAR-EXT" q
