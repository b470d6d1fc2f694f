\ gforth's extra comparisons: <= >= U<= U>= U= U<> 0<= 0>=, used both
\ interpreted and compiled, with the edge cases at the ends of the ranges.
: .flags ( i*x n -- ) 0 ?do . loop cr ;
1 2 <=  2 1 <=  2 2 <=  -1 1 <=  $80000000 $7fffffff <=  5 .flags
1 2 >=  2 1 >=  2 2 >=  -1 1 >=  $80000000 $7fffffff >=  5 .flags
-1 1 u<=  1 -1 u<=  3 3 u<=  0 0 u<=  $80000000 $7fffffff u<=  5 .flags
-1 1 u>=  1 -1 u>=  3 3 u>=  0 -1 u>=  $80000000 $7fffffff u>=  5 .flags
3 3 u=  3 4 u=  -1 -1 u=  3 3 u<>  3 4 u<>  0 -1 u<>  6 .flags
0 0<=  -1 0<=  1 0<=  $80000000 0<=  $7fffffff 0<=  5 .flags
0 0>=  -1 0>=  1 0>=  $80000000 0>=  $7fffffff 0>=  5 .flags

: signed ( a b -- ) 2dup <= . 2dup >= . 2dup u<= . 2dup u>= . 2dup u= . u<> . ;
: sign0 ( n -- ) dup 0<= . 0>= . ;
3 -4 signed cr  -4 3 signed cr  7 7 signed cr
0 sign0 -5 sign0 5 sign0 cr

\ In a loop and as branch conditions.
: clamp ( n lo hi -- n' ) >r 2dup <= if nip else drop then r> 2dup >= if nip else drop then ;
: show-clamp ( -- ) 13 -3 do i 0 10 clamp . 3 +loop cr ;
show-clamp
: count-small ( addr u limit -- n ) 0 2swap cells bounds ?do over i @ u>= if 1+ then cell +loop nip ;
create data 5 , -1 , 0 , 7 , 100 , 3 ,
data 6 5 count-small . cr
