\ gforth_interpret.fs -- interpretation semantics that gforth 0.7.3 gives
\ where the standard gives none: ." and DOES> while interpreting, CASE
\ interpreted, [ while interpreting, and [COMPILE] and FLITERAL between [ ].
." Hello world!" cr
." two" ."  on one line" cr
." " ." (empty before)" cr
: greet ( -- ) ." compiled still works" cr ; greet

\ DOES> after CREATE, typed at the outer level.
create counter 0 , does> ( -- n ) dup @ 1+ dup rot ! ;
counter . counter . counter . cr
create pair 3 , 4 , does> 2@ ;
pair . . cr
create greeting 2 c, char h c, char i c, does> count type ;
greeting cr
\ The DOES> part may use control flow and literals.
create sign-of 0 , does> drop dup 0< if drop ." negative" else 0= if ." zero" else ." positive" then then ;
-5 sign-of space 0 sign-of space 7 sign-of cr
\ Several words, each with its own interpreted DOES>.
create a1 10 , does> @ 2* ;
create a2 20 , does> @ 3 * ;
a1 . a2 . a1 . cr
\ A defining word made the standard way still works beside them.
: konst ( n "name" -- ) create , does> @ ;
42 konst answer answer . cr

case . cr
[ 5 . cr
: fl [ 25e-1 fliteral ] ; fl f. cr
: dd [ [compile] dup ] ; 6 dd . . cr
