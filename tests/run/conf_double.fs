\ conf_double.fs -- T{ }T conformance cases for the DOUBLE word set
S" lib/tester.fs" INCLUDED
DECIMAL
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n
max-u max-n 2CONSTANT max-d
0 min-n 2CONSTANT min-d
\ Double-number literals: a '.' anywhere makes a double
T{ 1. -> 1 0 }T
T{ -1. -> -1 -1 }T
T{ -2147483649. -> max-n -1 }T
\ 2CONSTANT 2VARIABLE 2LITERAL
T{ 1 2 2CONSTANT two-c two-c -> 1 2 }T
T{ 2VARIABLE two-v two-v 2@ -> 0 0 }T
T{ 3 4 two-v 2! two-v 2@ -> 3 4 }T
T{ : lit2 [ 5 6 ] 2LITERAL ; lit2 -> 5 6 }T
\ D+ D- M+ DNEGATE DABS
T{ 1. 2. D+ -> 3. }T
T{ max-u 0 1. D+ -> 0 1 }T
T{ -1. 1. D+ -> 0. }T
T{ max-d 1. D+ -> min-d }T
T{ 5. 7. D- -> -2. }T
T{ min-d 1. D- -> max-d }T
T{ 0 1 1. D- -> max-u 0 }T
T{ 1. 5 M+ -> 6. }T
T{ 1. -5 M+ -> -4. }T
T{ max-u 0 1 M+ -> 0 1 }T
T{ 1. DNEGATE -> -1. }T
T{ 0. DNEGATE -> 0. }T
T{ min-d DNEGATE -> min-d }T
T{ -5. DABS -> 5. }T
T{ 5. DABS -> 5. }T
T{ min-d DABS -> min-d }T
\ D2* D2/
T{ 1. D2* -> 2. }T
T{ max-u 0 D2* -> -2 1 }T
T{ 0 1 D2/ -> min-n 0 }T
T{ -1. D2/ -> -1. }T
T{ -3. D2/ -> -2. }T
\ Comparisons
T{ 0. D0= -> TRUE }T
T{ 0 1 D0= -> FALSE }T
T{ 1 0 D0= -> FALSE }T
T{ -1. D0< -> TRUE }T
T{ 0 1 D0< -> FALSE }T
T{ 1. 1. D= -> TRUE }T
T{ 1. 0 1 D= -> FALSE }T
T{ -1. 1. D< -> TRUE }T
T{ 1. -1. D< -> FALSE }T
T{ min-d max-d D< -> TRUE }T
T{ 0 1 max-u 0 D< -> FALSE }T
T{ -1. 1. DU< -> FALSE }T
T{ 1. -1. DU< -> TRUE }T
T{ 1. 2. DMAX -> 2. }T
T{ -1. 1. DMAX -> 1. }T
T{ min-d max-d DMIN -> min-d }T
T{ 2. 1. DMIN -> 1. }T
\ D>S M*/
T{ 7. D>S -> 7 }T
T{ -7. D>S -> -7 }T
T{ 10. 3 4 M*/ -> 7. }T
T{ -10. 3 4 M*/ -> -8. }T
T{ 10. -3 4 M*/ -> -8. }T
T{ max-d 2 2 M*/ -> max-d }T
T{ 1000000000. 1000000000 1000 M*/ -> 1000000000000000. }T
\ 2ROT
T{ 1 2 3 4 5 6 2ROT -> 3 4 5 6 1 2 }T
\ Doubles in compiled code, with the stack cache
: dsum ( d1 d2 d3 -- d ) D+ D+ ;
T{ 1. 2. 3. dsum -> 6. }T
: dcount ( n -- d ) 0. ROT 0 ?DO 1. D+ LOOP ;
T{ 5 dcount -> 5. }T
REPORT
\ D. and D.R
1. D. -1. D. max-d D. min-d D. CR
12345. 10 D.R -12345. 10 D.R 1. 0 D.R CR
HEX -1. D. 0 1 D. DECIMAL CR
