\ return_stack.fs -- >R R> R@ 2>R 2R> 2R@, I and J with values on the return stack, UNLOOP EXIT inside DO loops, LEAVE
: t1 ." >r r>: " 1 2 >R 3 R> . . . CR ;
: t2 ." r@: " 5 >R R@ R@ + . R> . CR ;
: t3 ." 2>r 2r>: " 1 2 2>R 3 . 2R> . . CR ;
: t4 ." 2r@: " 7 8 2>R 2R@ . . 2R@ SWAP . . 2R> 2DROP CR ;
: t5 ." order 2>r = swap >r >r: " 1 2 2>R R> R> . . CR ;
: t6 ." nested >r: " 1 >R 2 >R 3 >R R> R> R> . . . CR ;
: t7 ." r stack inside loop body: " 3 0 DO I DUP 10 * >R 1+ R> + . LOOP CR ;
: t8 ." i j inside loops: " 2 0 DO 2 0 DO J . I . ." ; " LOOP LOOP CR ;
: t9 ." j in triple loop: " 2 0 DO 2 0 DO 2 0 DO J . LOOP LOOP LOOP CR ;
: find5 ( -- n ) 10 0 DO 10 0 DO I J * 6 = IF I J 10 * + UNLOOP UNLOOP EXIT THEN LOOP LOOP -1 ;
: t10 ." unloop twice then exit: " find5 . CR ;
: early-exit ( n -- ) 0 ?DO I . I 2 = IF UNLOOP EXIT THEN LOOP ." full" ;
: t11 ." unloop exit: " 10 early-exit SPACE 2 early-exit CR ;
: t12 ." leave: " 10 0 DO I . I 3 = IF LEAVE THEN ." -" LOOP ." end" CR ;
: t13 ." leave from +loop: " 0 100 DO I . I 80 < IF LEAVE THEN -10 +LOOP CR ;
: t14 ." leave in inner only: " 3 0 DO 3 0 DO I 1 = IF LEAVE THEN J . I . LOOP ." | " LOOP CR ;
: t15 ." >r before do, r> after: " 9 >R 3 0 DO I . LOOP R> . CR ;
: t16 ." value on r across calls: " 42 >R t1 R> . CR ;
: t17 ." exit with clean r-stack: " 1 >R R> DROP EXIT ." never" ;
: t18 ." r@ of min-int: " -2147483648 >R R@ . R> DROP CR ;
t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 t13 t14 t15 t16 t17 CR t18
