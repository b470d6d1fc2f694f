\ deep_recursion_ok.fs -- recursion about 10000 calls deep must work (return stack of at least 10000 nested calls)
\ gforth-args: -r 1M
\ gforth's default return stack is too small for this, so its .out is made with a bigger one:
\   gforth32 -r 1M deep_recursion_ok.fs -e bye > deep_recursion_ok.out
: down ( n -- n ) DUP 0> IF 1- RECURSE 1+ THEN ;
.( depth 10000: ) 10000 down . CR
: sum-down ( acc n -- sum ) DUP 0> IF TUCK + SWAP 1- RECURSE ELSE DROP THEN ;
.( sum 1..10000: ) 0 10000 sum-down . CR
: deep-stack ( n -- 0 ... n ) DUP 0> IF DUP 1- RECURSE THEN ;
: drop-all ( x*i -- ) DEPTH 0 ?DO DROP LOOP ;
.( data stack of 2001 items: ) 2000 deep-stack DEPTH . drop-all CR
DEFER ping
: pong ( n -- n ) DUP 0> IF 1- ping 1+ THEN ;
' pong IS ping
.( mutual through defer, 10000: ) 10000 ping . CR
: with-loop ( n -- n ) DUP 0> IF 1 0 DO 1- RECURSE 1+ LOOP THEN ;
.( with a do loop on each level, 3000: ) 3000 with-loop . CR
: twice-deep ( -- ) 10000 down DROP 10000 down . ;
.( again after unwinding: ) twice-deep CR
