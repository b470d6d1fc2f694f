\ A definition whose last act is to call another word (a register word
\ with the same results) returns through that call: wasm `return_call`
\ from -O1. The results must be those of an ordinary call, on every path.

: sum-to ( n -- s ) 0 swap 0 ?do i + loop ;
: mix ( a b c -- s )
  + + dup 2* + dup 3 * + dup 5 + * 7 and dup 1 + + 3 *
  2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + sum-to ;
: pick-path ( n flag -- s ) if 3 + sum-to else 1- 1 2 mix then ;
: pick-path-odd ( n -- s ) dup 1 and pick-path ;
: chain ( n -- s ) dup 0< if negate then 1+ pick-path-odd ;
1 2 3 mix . 10 true pick-path . 10 false pick-path . cr
7 pick-path-odd . 8 pick-path-odd . -7 chain . 6 chain . cr
