\ gfo_vocs.fs -- VOCS lists every word list, newest first, by the names
\ .VOC gives them.
\ reference: fastforth (gforth 0.7.3 also lists word lists of its own that this system lacks: disassembler, assembler, locals ...)
vocabulary tools
wordlist constant gadgets
wordlist drop
vocs cr
