\ gforth's conditionals: ?DUP-IF, ?DUP-0=-IF, ENDIF, ?EXIT, and the
\ annotations UNREACHABLE and ASSUME-LIVE.

: describe ( n -- ) ?dup-if ." nonzero " . else ." zero" endif cr ;
0 describe  7 describe  -2 describe

: or-default ( n -- n' ) ?dup-0=-if 42 endif ;
0 or-default .  5 or-default .  cr

: sign-name ( n -- ) ?dup-0=-if ." zero" else 0< if ." negative" else ." positive" then endif cr ;
0 sign-name  -9 sign-name  3 sign-name

\ Count the non-zero cells of an array, using ?DUP-IF as a filter.
create data 3 , 0 , 5 , 0 , 0 , 8 ,
: nonzero-sum ( addr n -- sum count ) 0 0 2swap cells over + swap ?do i @ ?dup-if rot + swap 1+ then 1 cells +loop ;
data 6 nonzero-sum . . cr

\ ?EXIT leaves the definition early.
: classify ( n -- ) dup 0= if drop ." zero" cr exit then dup 0< ?exit ." positive " . cr ;
0 classify  5 classify  -5 classify  drop cr
: gcd ( a b -- g ) begin dup 0= if drop exit then tuck mod again ;
: gcd2 ( a b -- g ) begin ?dup-0=-if exit endif tuck mod again ;
48 18 gcd .  48 18 gcd2 .  17 5 gcd2 . cr

\ ?EXIT inside a loop: UNLOOP first, as with EXIT.
: first-over ( limit n -- ) swap 0 +do i over > if i . unloop drop exit then loop ." none " drop ;
10 4 first-over  3 7 first-over cr

\ UNREACHABLE and ASSUME-LIVE only inform gforth's checker; an AHEAD jumps
\ into the middle of a BEGIN loop.
: pick-one ( flag -- n ) if 1 else 2 then unreachable ;
true pick-one . false pick-one . cr
: dots ( n -- ) ahead assume-live begin [char] . emit [ 1 cs-roll ] then 1- dup 0< until drop cr ;
3 dots  0 dots
