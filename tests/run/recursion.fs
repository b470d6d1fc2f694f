\ recursion.fs -- recursive algorithms with RECURSE: factorial, fibonacci, ackermann, mutual recursion through a DEFER
: fact ( n -- n! ) DUP 1 > IF DUP 1- RECURSE * ELSE DROP 1 THEN ;
: fib ( n -- f ) DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;
: ack ( m n -- a )
   OVER 0= IF NIP 1+ EXIT THEN
   DUP 0= IF DROP 1- 1 RECURSE EXIT THEN
   OVER SWAP 1- RECURSE SWAP 1- SWAP RECURSE ;
: t1 ." fact: " 0 fact . 1 fact . 5 fact . 10 fact . 12 fact . CR ;
: t2 ." fib: " 15 0 DO I fib . LOOP CR ;
: t3 ." ackermann: " 0 0 ack . 1 2 ack . 2 3 ack . 3 3 ack . CR ;
DEFER is-odd?
: is-even? ( n -- f ) DUP 0= IF DROP TRUE ELSE 1- is-odd? THEN ;
:NONAME ( n -- f ) DUP 0= IF DROP FALSE ELSE 1- is-even? THEN ; IS is-odd?
: t4 ." mutual: " 10 is-even? . 7 is-even? . 7 is-odd? . 0 is-odd? . CR ;
: hanoi ( n -- moves ) DUP 0= IF EXIT THEN 1- DUP RECURSE SWAP RECURSE + 1+ ;
: t5 ." hanoi moves: " 1 hanoi . 5 hanoi . 10 hanoi . CR ;
: power ( b e -- b^e ) DUP 0= IF 2DROP 1 EXIT THEN OVER SWAP 1- RECURSE * ;
: t6 ." power: " 2 10 power . 3 5 power . -2 3 power . 7 0 power . CR ;
: digits ( u -- ) 10 /MOD ?DUP IF RECURSE THEN [CHAR] 0 + EMIT ;
: t7 ." digits: " 0 digits SPACE 1234567 digits CR ;
t1 t2 t3 t4 t5 t6 t7
