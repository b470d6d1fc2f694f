\ conf_string_set.fs -- T{ }T conformance cases for the STRING word set
\ (SUBSTITUTE, REPLACES and UNESCAPE are in conf_substitute.fs)
S" lib/tester.fs" INCLUDED
DECIMAL
: s= ( c-addr1 u1 c-addr2 u2 -- flag ) COMPARE 0= ;
\ -TRAILING
T{ S" abc   " -TRAILING NIP -> 3 }T
T{ S"    " -TRAILING NIP -> 0 }T
T{ S" " -TRAILING NIP -> 0 }T
T{ S"  a b" -TRAILING NIP -> 4 }T
\ /STRING
T{ S" abcdef" 2 /STRING S" cdef" s= -> TRUE }T
T{ S" abcdef" 0 /STRING NIP -> 6 }T
T{ S" abcdef" 2 /STRING -1 /STRING S" bcdef" s= -> TRUE }T
\ BLANK CMOVE CMOVE>
CREATE buf 20 ALLOT
T{ buf 20 CHAR x FILL buf 5 BLANK buf 6 S"      x" s= -> TRUE }T
T{ S" hello" buf SWAP CMOVE buf 5 S" hello" s= -> TRUE }T
T{ buf buf 1+ 4 CMOVE buf 5 S" hhhhh" s= -> TRUE }T
T{ S" abcde" buf SWAP CMOVE buf 1+ buf 4 CMOVE> buf 5 S" eeeee" s= -> TRUE }T
T{ S" abcde" buf SWAP CMOVE buf buf 2 + 3 CMOVE> buf 5 S" ababc" s= -> TRUE }T
\ COMPARE
T{ S" abc" S" abc" COMPARE -> 0 }T
T{ S" abc" S" abd" COMPARE -> -1 }T
T{ S" abd" S" abc" COMPARE -> 1 }T
T{ S" ab" S" abc" COMPARE -> -1 }T
T{ S" abc" S" ab" COMPARE -> 1 }T
T{ S" " S" " COMPARE -> 0 }T
T{ S" " S" a" COMPARE -> -1 }T
T{ S" ABC" S" abc" COMPARE -> -1 }T
\ SEARCH (interpreted S" has only two buffers, so the strings are compiled)
: hw S" hello world" ;
T{ hw S" o w" SEARCH >R S" o world" s= R> -> TRUE TRUE }T
T{ hw S" xyz" SEARCH >R hw s= R> -> TRUE FALSE }T
T{ S" hello" S" " SEARCH >R NIP R> -> 5 TRUE }T
T{ S" ab" S" abc" SEARCH NIP NIP -> FALSE }T
T{ S" aaab" S" aab" SEARCH >R NIP R> -> 3 TRUE }T
\ SLITERAL
: sl [ S" compiled" ] SLITERAL ;
T{ sl S" compiled" s= -> TRUE }T
: sl2 [ S" " ] SLITERAL ;
T{ sl2 NIP -> 0 }T
REPORT
