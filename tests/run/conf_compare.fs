\ conf_compare.fs -- T{ }T conformance cases for comparisons: = <> < > U< U> 0= 0< 0<> 0> WITHIN TRUE FALSE
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ flags are 0 and all-bits-set
T{ TRUE -> -1 }T
T{ FALSE -> 0 }T
T{ TRUE -> max-u }T
T{ 0 0 = -> TRUE }T
\ =
T{ 1 1 = -> TRUE }T
T{ -1 -1 = -> TRUE }T
T{ 1 -1 = -> FALSE }T
T{ 0 1 = -> FALSE }T
T{ min-n max-n = -> FALSE }T
T{ max-u -1 = -> TRUE }T
\ <>
T{ 1 1 <> -> FALSE }T
T{ 1 2 <> -> TRUE }T
T{ 0 -1 <> -> TRUE }T
T{ min-n min-n <> -> FALSE }T
\ < signed
T{ 0 1 < -> TRUE }T
T{ 1 0 < -> FALSE }T
T{ -1 0 < -> TRUE }T
T{ 0 -1 < -> FALSE }T
T{ 1 1 < -> FALSE }T
T{ min-n max-n < -> TRUE }T
T{ max-n min-n < -> FALSE }T
T{ min-n 0 < -> TRUE }T
T{ -2 -1 < -> TRUE }T
T{ max-n 1- max-n < -> TRUE }T
\ > signed
T{ 1 0 > -> TRUE }T
T{ 0 1 > -> FALSE }T
T{ 0 -1 > -> TRUE }T
T{ 1 1 > -> FALSE }T
T{ max-n min-n > -> TRUE }T
T{ min-n max-n > -> FALSE }T
T{ -1 -2 > -> TRUE }T
\ U< unsigned
T{ 0 1 U< -> TRUE }T
T{ 1 0 U< -> FALSE }T
T{ 0 -1 U< -> TRUE }T
T{ -1 0 U< -> FALSE }T
T{ max-n min-n U< -> TRUE }T
T{ min-n max-n U< -> FALSE }T
T{ 5 5 U< -> FALSE }T
T{ -2 -1 U< -> TRUE }T
\ U> (CORE EXT)
T{ 1 0 U> -> TRUE }T
T{ 0 1 U> -> FALSE }T
T{ -1 0 U> -> TRUE }T
T{ 0 -1 U> -> FALSE }T
T{ min-n max-n U> -> TRUE }T
T{ 7 7 U> -> FALSE }T
\ 0= 0< 0<> 0>
T{ 0 0= -> TRUE }T
T{ 1 0= -> FALSE }T
T{ -1 0= -> FALSE }T
T{ min-n 0= -> FALSE }T
T{ 0 0< -> FALSE }T
T{ -1 0< -> TRUE }T
T{ 1 0< -> FALSE }T
T{ min-n 0< -> TRUE }T
T{ max-n 0< -> FALSE }T
T{ 0 0<> -> FALSE }T
T{ 1 0<> -> TRUE }T
T{ -1 0<> -> TRUE }T
T{ min-n 0<> -> TRUE }T
T{ 0 0> -> FALSE }T
T{ 1 0> -> TRUE }T
T{ -1 0> -> FALSE }T
T{ max-n 0> -> TRUE }T
T{ min-n 0> -> FALSE }T
\ WITHIN ( test low high -- flag ) low <= test < high, with wrap-around
T{ 0 0 0 WITHIN -> FALSE }T
T{ 0 0 1 WITHIN -> TRUE }T
T{ 1 0 1 WITHIN -> FALSE }T
T{ 5 1 10 WITHIN -> TRUE }T
T{ 10 1 10 WITHIN -> FALSE }T
T{ 1 1 10 WITHIN -> TRUE }T
T{ -5 -10 0 WITHIN -> TRUE }T
T{ 0 -10 0 WITHIN -> FALSE }T
T{ min-n min-n max-n WITHIN -> TRUE }T
T{ max-n min-n max-n WITHIN -> FALSE }T
T{ 0 max-n min-n WITHIN -> FALSE }T
T{ max-n max-n min-n WITHIN -> TRUE }T
T{ 5 10 1 WITHIN -> FALSE }T
T{ 0 10 1 WITHIN -> TRUE }T
T{ 12 10 1 WITHIN -> TRUE }T
T{ 1 max-u 2 WITHIN -> TRUE }T
T{ max-u 0 max-u WITHIN -> FALSE }T
\ flags combine with AND OR
T{ 1 2 < 3 4 < AND -> TRUE }T
T{ 1 2 < 4 3 < AND -> FALSE }T
T{ 1 2 > 4 3 < OR -> FALSE }T
T{ 1 2 = 0= -> TRUE }T

REPORT
