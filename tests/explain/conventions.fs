\ Words that keep the memory calling convention, each for its own reason.
: nth ( xn .. x0 n -- xn .. x0 xn ) pick ;
: depth? ( -- n ) depth ;
: run-it ( xt -- ) execute ;
: uses-nth ( a b -- a b a ) 1 nth ;
: odd-arms ( f -- ) if 1 2 else 3 then ;
: grows ( n -- ) 0 ?do i loop ;
: via-depth ( -- n ) depth? 1+ ;
: show ( -- ) ." ok" ;
show
