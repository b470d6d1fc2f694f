\ recurse.fs -- RECURSE refers to the word being defined: inside :NONAME, and in tail position
: countdown ( n -- ) DUP . DUP 0> IF 1- RECURSE ELSE DROP THEN ;
.( named: ) 5 countdown CR
:NONAME ( n -- ) DUP 0> IF DUP . 1- RECURSE ELSE DROP THEN ; CONSTANT noname-xt
.( noname: ) 4 noname-xt EXECUTE CR
: sum-to ( n -- sum ) DUP IF DUP 1- RECURSE + THEN ;
.( sum-to 100: ) 100 sum-to . CR
: tail-like ( n acc -- acc' ) OVER 0= IF NIP EXIT THEN OVER + SWAP 1- SWAP RECURSE ;
.( accumulate: ) 10 0 tail-like . CR
: nested-if-recurse ( n -- ) DUP 3 MOD 0= IF DUP . THEN DUP 0> IF 1- RECURSE ELSE DROP THEN ;
.( recurse from inside nested control: ) 10 nested-if-recurse CR
: in-loop ( n -- ) DUP 0> IF DUP 0 DO [CHAR] * EMIT LOOP CR 1- RECURSE ELSE DROP THEN ;
3 in-loop
