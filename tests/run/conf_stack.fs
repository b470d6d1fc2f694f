\ conf_stack.fs -- T{ }T conformance cases for data stack words: DUP DROP SWAP OVER ROT ?DUP 2DUP 2DROP 2SWAP 2OVER DEPTH NIP TUCK PICK ROLL
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ DUP
T{ 1 DUP -> 1 1 }T
T{ 0 DUP -> 0 0 }T
T{ -1 DUP -> -1 -1 }T
T{ min-n DUP -> min-n min-n }T
T{ 1 2 DUP -> 1 2 2 }T
\ DROP
T{ 1 DROP -> }T
T{ 1 2 DROP -> 1 }T
T{ max-n DROP -> }T
\ SWAP
T{ 1 2 SWAP -> 2 1 }T
T{ 1 2 3 SWAP -> 1 3 2 }T
T{ min-n max-n SWAP -> max-n min-n }T
\ OVER
T{ 1 2 OVER -> 1 2 1 }T
T{ -1 0 OVER -> -1 0 -1 }T
\ ROT
T{ 1 2 3 ROT -> 2 3 1 }T
T{ 1 2 3 ROT ROT -> 3 1 2 }T
T{ 1 2 3 ROT ROT ROT -> 1 2 3 }T
\ ?DUP
T{ 0 ?DUP -> 0 }T
T{ 1 ?DUP -> 1 1 }T
T{ -1 ?DUP -> -1 -1 }T
T{ min-n ?DUP -> min-n min-n }T
\ 2DUP 2DROP 2SWAP 2OVER
T{ 1 2 2DUP -> 1 2 1 2 }T
T{ 1 2 3 2DUP -> 1 2 3 2 3 }T
T{ 1 2 2DROP -> }T
T{ 1 2 3 2DROP -> 1 }T
T{ 1 2 3 4 2SWAP -> 3 4 1 2 }T
T{ 0 1 2 3 4 2SWAP -> 0 3 4 1 2 }T
T{ 1 2 3 4 2OVER -> 1 2 3 4 1 2 }T
T{ 1 2 3 4 2OVER 2SWAP 2DROP -> 1 2 1 2 }T
\ DEPTH
T{ DEPTH -> 0 }T
T{ 0 DEPTH -> 0 1 }T
T{ 0 1 DEPTH -> 0 1 2 }T
T{ 1 2 3 DROP DROP DEPTH -> 1 1 }T
\ NIP TUCK (CORE EXT)
T{ 1 2 NIP -> 2 }T
T{ 1 2 3 NIP -> 1 3 }T
T{ 1 2 TUCK -> 2 1 2 }T
T{ 1 2 3 TUCK -> 1 3 2 3 }T
\ PICK (CORE EXT)
T{ 1 0 PICK -> 1 1 }T
T{ 1 2 1 PICK -> 1 2 1 }T
T{ 1 2 3 2 PICK -> 1 2 3 1 }T
T{ 1 2 3 4 5 4 PICK -> 1 2 3 4 5 1 }T
\ ROLL (CORE EXT)
T{ 1 0 ROLL -> 1 }T
T{ 1 2 1 ROLL -> 2 1 }T
T{ 1 2 3 2 ROLL -> 2 3 1 }T
T{ 1 2 3 4 3 ROLL -> 2 3 4 1 }T
T{ 1 2 3 4 5 4 ROLL -> 2 3 4 5 1 }T
\ combinations
T{ 1 2 OVER OVER -> 1 2 1 2 }T
T{ 1 2 SWAP DROP -> 2 }T
T{ 1 2 3 ROT DROP SWAP -> 3 2 }T

REPORT
