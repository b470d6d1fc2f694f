\ loops_begin.fs -- BEGIN UNTIL, BEGIN WHILE REPEAT, BEGIN AGAIN with EXIT, and BEGIN WHILE WHILE REPEAT ELSE THEN
: t1 ." until: " 0 BEGIN DUP . 1+ DUP 5 = UNTIL DROP CR ;
: t2 ." until runs once: " 10 BEGIN DUP . 1+ TRUE UNTIL DROP CR ;
: t3 ." while repeat: " 0 BEGIN DUP 5 < WHILE DUP . 1+ REPEAT . CR ;
: t4 ." while never: " 9 BEGIN DUP 5 < WHILE DUP . 1+ REPEAT . CR ;
: count-to ( n -- ) 0 BEGIN 2DUP > WHILE DUP . 1+ REPEAT 2DROP ;
: t5 ." again+exit: " 0 BEGIN DUP . 1+ DUP 3 > IF DROP CR EXIT THEN AGAIN ;
\ Two WHILEs: the extra WHILE leaves an orig that ELSE resolves after REPEAT.
\ BEGIN a WHILE b WHILE c REPEAT d ELSE e THEN -- if b fails, run d; if a fails, run e.
: seek7 ( n -- )
   BEGIN
      DUP 100 < WHILE
      DUP 7 MOD 0<> WHILE
      1+
   REPEAT
      ." multiple of 7: " .
   ELSE
      ." reached: " .
   THEN ;
: t6 ." two whiles: " 1 seek7 SPACE 95 seek7 SPACE 99 seek7 SPACE 200 seek7 CR ;
: gcd ( a b -- g ) BEGIN ?DUP WHILE TUCK MOD REPEAT ;
: t7 ." gcd: " 48 18 gcd .  17 5 gcd .  0 9 gcd .  9 0 gcd . CR ;
: collatz ( n -- steps ) 0 SWAP BEGIN DUP 1 <> WHILE DUP 1 AND IF 3 * 1+ ELSE 2/ THEN SWAP 1+ SWAP REPEAT DROP ;
: t8 ." collatz 27: " 27 collatz . CR ;
: t9 ." nested begin: " 3 BEGIN DUP WHILE DUP BEGIN DUP WHILE DUP . 1- REPEAT DROP ." / " 1- REPEAT DROP CR ;
: t10 ." do inside begin: " 2 BEGIN 3 0 DO I . LOOP 1- DUP 0= UNTIL DROP CR ;
t1 t2 t3 t4
.( count-to: ) 4 count-to CR
t5 t6 t7 t8 t9 t10
