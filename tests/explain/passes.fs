\ One definition for each thing the optimizer says about a word.
: sq ( n -- n*n ) dup * ;
: sum-sq ( n -- s ) 0 swap 0 ?do i sq + loop ;
: fact ( n -- n! ) dup 2 < if drop 1 exit then dup 1- recurse * ;
: count-bits ( x -- n ) 0 swap begin dup while dup 1- and swap 1+ swap repeat drop ;
: gcd ( a b -- g ) begin ?dup while tuck mod repeat ;
variable total
: tally ( n -- ) 0 ?do i total @ + total ! loop ;
: digits ( u -- n ) 0 swap begin 10 / swap 1+ swap dup 0= until drop ;
create v 64 cells allot
: vsum ( -- n ) 0 64 0 do v i cells + @ + loop ;
: clamp0 ( n -- n' ) dup 0< if drop 0 then ;
