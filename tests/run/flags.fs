\ Comparison results are kept as wasm booleans until something needs the
\ Forth flag (0 or -1). Every way of using a flag must see -1 for true.

: f1 ( a b -- f ) < ;
1 2 f1 . 2 1 f1 . cr
: f2 ( a b -- x ) = 5 and ;
3 3 f2 . 3 4 f2 . cr
: f3 ( a b c -- f ) >r < r> 0= and ;
1 2 0 f3 . 1 2 7 f3 . cr
: f4 ( a -- f ) dup 0< swap 10 > or ;
-5 f4 . 5 f4 . 50 f4 . cr
: f5 ( a b -- f ) = invert ;
1 1 f5 . 1 2 f5 . cr
: f6 ( a b -- f ) u< 0= 0= ;
1 2 f6 . 2 1 f6 . cr
: f7 ( a b -- f ) < dup xor ;
1 2 f7 . cr
: f8 ( a b -- f ) 0> swap 0> xor ;
1 -1 f8 . 1 1 f8 . cr
\ Flags in arithmetic, memory and branches.
variable v
: f9 ( a b -- n ) < v ! v @ 1+ ;
1 2 f9 . 2 1 f9 . cr
: f10 ( a b -- n ) > if 100 else 200 then ;
2 1 f10 . 1 2 f10 . cr
: f11 ( a b -- n ) 2dup < >r > r> or if 1 else 0 then ;
1 2 f11 . 2 2 f11 . cr
: f12 ( n -- n' ) 0 swap 0 ?do i 3 < - loop ;
10 f12 . cr
: f13 ( a b -- f f ) < dup ;
1 2 f13 . . cr
: f14 ( a -- n ) 5 < negate ;
1 f14 . 9 f14 . cr
: f15 ( a b -- f ) <> 0= ;
4 4 f15 . 4 5 f15 . cr
: f16 ( a b -- x ) = 1 rshift ;
4 4 f16 . cr
: f17 ( a b -- f ) < begin dup 0= until ;
2 1 f17 . cr
