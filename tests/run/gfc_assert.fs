\ gforth's assertions: ASSERT( ... ) checks a flag; ASSERT-LEVEL decides
\ which of ASSERT0( to ASSERT3( are checked and which are skipped.

: safe-divide ( n1 n2 -- n3 ) assert( dup 0<> ) / ;
100 7 safe-divide . cr
: average ( addr n -- avg ) assert( dup 0> ) >r 0 r@ 0 ?do over i cells + @ + loop nip r> / ;
create samples 3 , 9 , 12 , 8 ,
samples 4 average . cr

\ An assertion may span lines and use any words.
: in-range ( n -- n )
  assert( dup 0< 0=
          over 101 < and )
  ;
50 in-range . cr

\ ASSERT2( and ASSERT3( are skipped at the default level 1, so a false
\ flag there goes unnoticed; ASSERT0( is always checked.
assert-level @ . cr
: checked ( -- ) assert0( true ) assert1( 1 1 = ) assert2( false ) assert3( false ) ." all passed" ;
checked cr
3 assert-level !
: stricter ( n -- n ) assert3( dup 0> ) ;
7 stricter . cr
0 assert-level !
: lax ( -- ) assert1( false ) ." level 1 skipped" ;
lax cr
1 assert-level !

\ ASSERTN is the word behind them: n ASSERTN skips when n > ASSERT-LEVEL.
: my-assert( ( -- ) 2 assertn ; immediate
: uses-mine ( -- ) my-assert( false ) ." skipped at level 1" ;
uses-mine cr
