\ conf_arith.fs -- T{ }T conformance cases for arithmetic: + - * / MOD /MOD */ */MOD 1+ 1- 2* 2/ ABS NEGATE MIN MAX S>D M* UM* SM/REM FM/MOD UM/MOD
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ + wraps around modulo 2^32
T{ 0 0 + -> 0 }T
T{ 1 1 + -> 2 }T
T{ 1 -1 + -> 0 }T
T{ -1 -1 + -> -2 }T
T{ max-n 1 + -> min-n }T
T{ min-n -1 + -> max-n }T
T{ max-u 1 + -> 0 }T
T{ max-n max-n + -> -2 }T
\ -
T{ 0 0 - -> 0 }T
T{ 5 3 - -> 2 }T
T{ 3 5 - -> -2 }T
T{ 0 1 - -> -1 }T
T{ min-n 1 - -> max-n }T
T{ max-n -1 - -> min-n }T
T{ 0 min-n - -> min-n }T
\ *
T{ 0 0 * -> 0 }T
T{ 3 4 * -> 12 }T
T{ -3 4 * -> -12 }T
T{ -3 -4 * -> 12 }T
T{ 65536 65536 * -> 0 }T
T{ 65537 65535 * -> -1 }T
T{ max-n 2 * -> -2 }T
T{ min-n -1 * -> min-n }T
T{ max-u max-u * -> 1 }T
\ / is floored
T{ 0 1 / -> 0 }T
T{ 7 2 / -> 3 }T
T{ -7 2 / -> -4 }T
T{ 7 -2 / -> -4 }T
T{ -7 -2 / -> 3 }T
T{ 6 -3 / -> -2 }T
T{ -1 3 / -> -1 }T
T{ 1 -3 / -> -1 }T
T{ max-n 1 / -> max-n }T
T{ min-n 1 / -> min-n }T
T{ min-n 2 / -> min-n 2/ }T
T{ max-n -1 / -> min-n 1+ }T
\ MOD has the sign of the divisor
T{ 7 2 MOD -> 1 }T
T{ -7 2 MOD -> 1 }T
T{ 7 -2 MOD -> -1 }T
T{ -7 -2 MOD -> -1 }T
T{ 6 3 MOD -> 0 }T
T{ -6 3 MOD -> 0 }T
T{ -1 10 MOD -> 9 }T
T{ 1 -10 MOD -> -9 }T
T{ min-n 3 MOD -> 1 }T
\ /MOD
T{ 7 2 /MOD -> 1 3 }T
T{ -7 2 /MOD -> 1 -4 }T
T{ 7 -2 /MOD -> -1 -4 }T
T{ -7 -2 /MOD -> -1 3 }T
T{ 0 5 /MOD -> 0 0 }T
T{ max-n 2 /MOD -> 1 max-n 2/ }T
\ */ uses a double intermediate
T{ 10 3 4 */ -> 7 }T
T{ -10 3 4 */ -> -8 }T
T{ 100000 100000 1000000 */ -> 10000 }T
T{ max-n 2 2 */ -> max-n }T
T{ min-n 2 2 */ -> min-n }T
T{ max-n max-n max-n */ -> max-n }T
\ */MOD
T{ 10 3 4 */MOD -> 2 7 }T
T{ -10 3 4 */MOD -> 2 -8 }T
T{ 10 3 -4 */MOD -> -2 -8 }T
T{ max-n 3 max-n */MOD -> 0 3 }T
\ 1+ 1-
T{ 0 1+ -> 1 }T
T{ -1 1+ -> 0 }T
T{ max-n 1+ -> min-n }T
T{ 0 1- -> -1 }T
T{ 1 1- -> 0 }T
T{ min-n 1- -> max-n }T
\ 2* is a left shift, 2/ an arithmetic right shift
T{ 0 2* -> 0 }T
T{ 1 2* -> 2 }T
T{ -1 2* -> -2 }T
T{ min-n 2* -> 0 }T
T{ max-n 2* -> -2 }T
T{ 0 2/ -> 0 }T
T{ 1 2/ -> 0 }T
T{ 4 2/ -> 2 }T
T{ -1 2/ -> -1 }T
T{ -3 2/ -> -2 }T
T{ min-n 2/ 2* -> min-n }T
T{ max-u 2/ -> -1 }T
\ ABS NEGATE
T{ 0 ABS -> 0 }T
T{ 1 ABS -> 1 }T
T{ -1 ABS -> 1 }T
T{ max-n ABS -> max-n }T
T{ min-n ABS -> min-n }T
T{ 0 NEGATE -> 0 }T
T{ 1 NEGATE -> -1 }T
T{ -1 NEGATE -> 1 }T
T{ min-n NEGATE -> min-n }T
T{ max-n NEGATE -> min-n 1+ }T
\ MIN MAX are signed
T{ 1 2 MIN -> 1 }T
T{ 2 1 MIN -> 1 }T
T{ -1 1 MIN -> -1 }T
T{ min-n max-n MIN -> min-n }T
T{ 0 max-u MIN -> -1 }T
T{ 1 2 MAX -> 2 }T
T{ -1 1 MAX -> 1 }T
T{ min-n max-n MAX -> max-n }T
T{ 5 5 MAX -> 5 }T
\ S>D
T{ 0 S>D -> 0 0 }T
T{ 1 S>D -> 1 0 }T
T{ -1 S>D -> -1 -1 }T
T{ max-n S>D -> max-n 0 }T
T{ min-n S>D -> min-n -1 }T
\ M* signed double product
T{ 0 0 M* -> 0 0 }T
T{ 3 4 M* -> 12 0 }T
T{ -3 4 M* -> -12 -1 }T
T{ -3 -4 M* -> 12 0 }T
T{ 65536 65536 M* -> 0 1 }T
T{ max-n max-n M* -> 1 max-n 2/ }T
T{ min-n min-n M* -> 0 1 30 LSHIFT }T
T{ min-n 1 M* -> min-n -1 }T
T{ max-u 2 M* -> -2 -1 }T
\ UM* unsigned double product
T{ 0 0 UM* -> 0 0 }T
T{ 3 4 UM* -> 12 0 }T
T{ max-u 2 UM* -> -2 1 }T
T{ max-u max-u UM* -> 1 -2 }T
T{ 65536 65536 UM* -> 0 1 }T
T{ min-n 2 UM* -> 0 1 }T
\ SM/REM symmetric
T{ 0 S>D 1 SM/REM -> 0 0 }T
T{ 7 S>D 2 SM/REM -> 1 3 }T
T{ -7 S>D 2 SM/REM -> -1 -3 }T
T{ 7 S>D -2 SM/REM -> 1 -3 }T
T{ -7 S>D -2 SM/REM -> -1 3 }T
T{ max-n S>D 1 SM/REM -> 0 max-n }T
T{ min-n S>D 1 SM/REM -> 0 min-n }T
T{ 0 1 4 SM/REM -> 0 1 30 LSHIFT }T
T{ -1 -1 2 SM/REM -> -1 0 }T
\ FM/MOD floored
T{ 0 S>D 1 FM/MOD -> 0 0 }T
T{ 7 S>D 2 FM/MOD -> 1 3 }T
T{ -7 S>D 2 FM/MOD -> 1 -4 }T
T{ 7 S>D -2 FM/MOD -> -1 -4 }T
T{ -7 S>D -2 FM/MOD -> -1 3 }T
T{ -1 S>D 2 FM/MOD -> 1 -1 }T
T{ min-n S>D 1 FM/MOD -> 0 min-n }T
T{ 0 1 4 FM/MOD -> 0 1 30 LSHIFT }T
T{ 5 S>D 5 FM/MOD -> 0 1 }T
\ UM/MOD unsigned
T{ 0 0 1 UM/MOD -> 0 0 }T
T{ 7 0 2 UM/MOD -> 1 3 }T
T{ 0 1 2 UM/MOD -> 0 min-n }T
T{ max-u 1 2 UM/MOD -> 1 max-u }T
T{ max-u 0 max-u UM/MOD -> 0 1 }T
T{ 1 -2 max-u UM/MOD -> 0 max-u }T
T{ 100 0 7 UM/MOD -> 2 14 }T
\ the floored words agree with FM/MOD
T{ -7 3 /MOD  -7 S>D 3 FM/MOD  ROT = >R = R> -> TRUE TRUE }T
T{ 7 -3 MOD  7 S>D -3 FM/MOD DROP -> -2 -2 }T

REPORT
