\ logic_shift.fs -- AND OR XOR INVERT LSHIFT RSHIFT (logical), and bit patterns printed in HEX
: hx ( u -- ) BASE @ >R HEX U. R> BASE ! ;
: tand ." and : " $FF00FF00 $0FF00FF0 AND hx  -1 0 AND hx  -1 -1 AND hx  12 10 AND . CR ;
: tor ." or : " $FF00FF00 $0FF00FF0 OR hx  0 0 OR hx  12 10 OR . CR ;
: txor ." xor : " $FF00FF00 $0FF00FF0 XOR hx  -1 -1 XOR hx  12 10 XOR . CR ;
: tinv ." invert : " 0 INVERT .  -1 INVERT .  $0F0F0F0F INVERT hx  5 INVERT . CR ;
: tls ." lshift : " 1 0 LSHIFT .  1 1 LSHIFT .  1 31 LSHIFT hx  -1 4 LSHIFT hx  $12345678 8 LSHIFT hx  3 30 LSHIFT hx CR ;
: trs ." rshift : " 1 0 RSHIFT .  2 1 RSHIFT .  -1 1 RSHIFT hx  -1 31 RSHIFT .  $80000000 28 RSHIFT hx  -16 2 RSHIFT hx CR ;
: tmix ." 2* 2/ vs shifts: " -8 2/ .  -8 1 RSHIFT hx  -8 2* .  -8 1 LSHIFT . CR ;
tand tor txor tinv tls trs tmix
