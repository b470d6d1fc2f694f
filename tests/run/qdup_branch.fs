\ ?DUP before a branch, as programs use it: with IF, with 0= IF ... EXIT,
\ with WHILE and UNTIL, for zero and non-zero values.
: count-down ( n -- ) begin ?dup while dup . 1- repeat ." done" cr ;
: first-nonzero ( a b c -- x ) ?dup if nip nip exit then ?dup if nip exit then ;
: or-default ( n -- n' ) ?dup 0= if 42 then ;
: hanoi ( from to via n -- )
  ?dup 0= if 2drop drop exit then
  1- >r  2 pick over 3 pick r@ recurse
  2 pick 2 pick . . ." / "
  swap rot r> recurse ;
: digits ( u -- n ) 0 swap begin swap 1+ swap 10 / ?dup 0= until ;
: sum-list ( 0 x1 .. xn -- sum ) 0 begin swap ?dup while + repeat ;
5 count-down 0 count-down
0 0 7 first-nonzero . 0 5 7 first-nonzero . 3 5 7 first-nonzero . cr
0 or-default . 9 or-default . -1 or-default . cr
0 1 2 3 hanoi cr
0 digits . 7 digits . 12345 digits . cr
0 1 2 3 4 sum-list . cr
