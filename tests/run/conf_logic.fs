\ conf_logic.fs -- T{ }T conformance cases for bitwise words: AND OR XOR INVERT LSHIFT RSHIFT
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ AND
T{ 0 0 AND -> 0 }T
T{ 0 -1 AND -> 0 }T
T{ -1 -1 AND -> -1 }T
T{ 12 10 AND -> 8 }T
T{ $FF00FF00 $0FF00FF0 AND -> $0F000F00 }T
T{ min-n max-n AND -> 0 }T
\ OR
T{ 0 0 OR -> 0 }T
T{ 0 -1 OR -> -1 }T
T{ 12 10 OR -> 14 }T
T{ $FF00FF00 $0FF00FF0 OR -> $FFF0FFF0 }T
T{ min-n max-n OR -> -1 }T
\ XOR
T{ 0 0 XOR -> 0 }T
T{ 0 -1 XOR -> -1 }T
T{ -1 -1 XOR -> 0 }T
T{ 12 10 XOR -> 6 }T
T{ $FF00FF00 $0FF00FF0 XOR -> $F0F0F0F0 }T
T{ 12345 DUP XOR -> 0 }T
T{ min-n -1 XOR -> max-n }T
\ INVERT
T{ 0 INVERT -> -1 }T
T{ -1 INVERT -> 0 }T
T{ 1 INVERT -> -2 }T
T{ min-n INVERT -> max-n }T
T{ $0F0F0F0F INVERT -> $F0F0F0F0 }T
T{ 5 INVERT 1+ -> -5 }T
\ LSHIFT
T{ 1 0 LSHIFT -> 1 }T
T{ 1 1 LSHIFT -> 2 }T
T{ 1 2 LSHIFT -> 4 }T
T{ 1 31 LSHIFT -> min-n }T
T{ 3 31 LSHIFT -> min-n }T
T{ -1 1 LSHIFT -> -2 }T
T{ max-u 4 LSHIFT -> $FFFFFFF0 }T
T{ $12345678 8 LSHIFT -> $34567800 }T
T{ min-n 1 LSHIFT -> 0 }T
T{ 0 31 LSHIFT -> 0 }T
\ RSHIFT is logical (zero fill)
T{ 1 0 RSHIFT -> 1 }T
T{ 1 1 RSHIFT -> 0 }T
T{ 2 1 RSHIFT -> 1 }T
T{ 4 2 RSHIFT -> 1 }T
T{ min-n 1 RSHIFT -> $40000000 }T
T{ min-n 31 RSHIFT -> 1 }T
T{ -1 1 RSHIFT -> max-n }T
T{ -1 31 RSHIFT -> 1 }T
T{ -16 2 RSHIFT -> $3FFFFFFC }T
T{ $12345678 8 RSHIFT -> $00123456 }T
\ identities
T{ $A5A5A5A5 DUP INVERT AND -> 0 }T
T{ $A5A5A5A5 DUP INVERT OR -> -1 }T
T{ 6 3 XOR 3 XOR -> 6 }T
T{ 1 10 LSHIFT 10 RSHIFT -> 1 }T
T{ -8 1 RSHIFT -8 2/ = -> FALSE }T
T{ 8 1 RSHIFT 8 2/ = -> TRUE }T

REPORT
