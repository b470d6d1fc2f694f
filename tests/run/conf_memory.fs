\ conf_memory.fs -- T{ }T conformance cases for memory: ! @ +! C! C@ 2! 2@ CELLS CHARS CELL+ CHAR+ ALIGNED ALIGN HERE ALLOT , C, FILL ERASE MOVE, and CMOVE CMOVE> (STRING word set)
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

VARIABLE v
CREATE buf 32 CHARS ALLOT
CREATE cbuf 8 CELLS ALLOT
: b@ ( i -- c ) CHARS buf + C@ ;
: buf-init ( -- ) 16 0 DO I 1+ buf I CHARS + C! LOOP ;
: buf-sum ( n -- sum ) 0 SWAP 0 ?DO I b@ + LOOP ;

\ ! @
T{ 0 v ! v @ -> 0 }T
T{ 123 v ! v @ -> 123 }T
T{ -1 v ! v @ -> -1 }T
T{ min-n v ! v @ -> min-n }T
T{ max-n v ! v @ -> max-n }T
T{ 1 v ! 2 v ! v @ -> 2 }T
\ +!
T{ 10 v ! 5 v +! v @ -> 15 }T
T{ 10 v ! -15 v +! v @ -> -5 }T
T{ max-n v ! 1 v +! v @ -> min-n }T
T{ -1 v ! 1 v +! v @ -> 0 }T
T{ 7 v ! 0 v +! v @ -> 7 }T
\ C! C@ keep 8 bits
T{ 65 buf C! buf C@ -> 65 }T
T{ 255 buf C! buf C@ -> 255 }T
T{ 256 buf C! buf C@ -> 0 }T
T{ -1 buf C! buf C@ -> 255 }T
T{ 1 buf C! 2 buf CHAR+ C! buf C@ buf CHAR+ C@ -> 1 2 }T
\ 2! 2@ : the cell at the lower address holds the top item
T{ 1 2 cbuf 2! cbuf 2@ -> 1 2 }T
T{ 1 2 cbuf 2! cbuf @ -> 2 }T
T{ 1 2 cbuf 2! cbuf CELL+ @ -> 1 }T
T{ -1 min-n cbuf 2! cbuf 2@ -> -1 min-n }T
\ CELLS CHARS CELL+ CHAR+ (32-bit cells, byte chars)
T{ 1 CELLS -> 4 }T
T{ 0 CELLS -> 0 }T
T{ 3 CELLS -> 12 }T
T{ 1 CHARS -> 1 }T
T{ 7 CHARS -> 7 }T
T{ 0 CELL+ -> 1 CELLS }T
T{ 0 CHAR+ -> 1 CHARS }T
T{ cbuf CELL+ cbuf - -> 4 }T
T{ buf CHAR+ buf - -> 1 }T
\ ALIGNED ALIGN
T{ 0 ALIGNED -> 0 }T
T{ 1 ALIGNED -> 4 }T
T{ 3 ALIGNED -> 4 }T
T{ 4 ALIGNED -> 4 }T
T{ 5 ALIGNED -> 8 }T
T{ cbuf ALIGNED -> cbuf }T
T{ ALIGN HERE 1 ALLOT ALIGN HERE SWAP - -> 4 }T
T{ ALIGN HERE DUP ALIGNED = -> TRUE }T
\ HERE ALLOT , C,
T{ HERE 10 ALLOT HERE SWAP - -> 10 }T
T{ HERE 0 ALLOT HERE SWAP - -> 0 }T
T{ ALIGN HERE 5 , HERE SWAP - -> 4 }T
T{ ALIGN HERE 5 , @ -> 5 }T
T{ HERE 7 C, HERE SWAP - -> 1 }T
T{ HERE 7 C, C@ -> 7 }T
T{ ALIGN HERE 1 , 2 , DUP @ SWAP CELL+ @ -> 1 2 }T
T{ HERE 1 C, 2 C, 3 C, DUP C@ OVER CHAR+ C@ ROT 2 CHARS + C@ -> 1 2 3 }T
ALIGN
\ FILL ERASE
T{ buf 8 CHARS 9 FILL 8 buf-sum -> 72 }T
T{ buf 4 CHARS ERASE 8 buf-sum -> 36 }T
T{ buf 0 CHARS 5 FILL buf C@ -> 0 }T
T{ buf 8 CHARS 0 FILL 8 buf-sum -> 0 }T
T{ buf 1 CHARS 200 FILL buf C@ buf CHAR+ C@ -> 200 0 }T
\ CMOVE copies from low addresses upward
T{ buf-init buf 8 CHARS + buf 4 CHARS CMOVE 0 b@ 3 b@ 4 b@ -> 9 12 5 }T
T{ buf-init buf buf CHAR+ 4 CMOVE 0 b@ 1 b@ 4 b@ 5 b@ -> 1 1 1 6 }T
T{ buf-init buf CHAR+ buf 4 CMOVE 0 b@ 3 b@ 4 b@ -> 2 5 5 }T
\ CMOVE> copies from high addresses downward
T{ buf-init buf buf CHAR+ 4 CMOVE> 0 b@ 1 b@ 4 b@ 5 b@ -> 1 1 4 6 }T
T{ buf-init buf CHAR+ buf 4 CMOVE> 0 b@ 1 b@ 3 b@ 4 b@ -> 5 5 5 5 }T
\ MOVE behaves as if through a temporary buffer
T{ buf-init buf buf CHAR+ 4 MOVE 0 b@ 1 b@ 4 b@ 5 b@ -> 1 1 4 6 }T
T{ buf-init buf CHAR+ buf 4 MOVE 0 b@ 3 b@ 4 b@ -> 2 5 5 }T
T{ buf-init buf buf 4 MOVE 4 buf-sum -> 10 }T
T{ buf-init buf buf 8 CHARS + 0 MOVE 8 b@ -> 9 }T
T{ 1 2 3 cbuf 2! cbuf 4 CELLS + ! cbuf cbuf CELL+ 2 CELLS MOVE cbuf CELL+ 2@ -> 2 3 }T
\ memory through CREATE and VARIABLE
T{ v cbuf = -> FALSE }T
T{ 99 v ! v @ v @ -> 99 99 }T

REPORT
