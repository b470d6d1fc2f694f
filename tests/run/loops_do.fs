\ loops_do.fs -- DO LOOP +LOOP ?DO I J LEAVE UNLOOP, loop boundaries and negative steps
: t1 ." do loop: " 5 0 DO I . LOOP CR ;
: t2 ." negative range: " 0 -3 DO I . LOOP CR ;
: t3 ." +loop 2: " 10 0 DO I . 2 +LOOP CR ;
: t4 ." +loop 3 overshoot: " 10 0 DO I . 3 +LOOP CR ;
: t5 ." +loop -1: " 0 5 DO I . -1 +LOOP CR ;
: t6 ." +loop -3: " -10 10 DO I . -3 +LOOP CR ;
: t7 ." +loop -2 exact: " 0 6 DO I . -2 +LOOP CR ;
: t8 ." ?do empty: " 3 3 ?DO I . LOOP ." done" CR ;
: t9 ." ?do runs: " 3 0 ?DO I . LOOP CR ;
: t11 ." nested i j: " 3 0 DO 2 0 DO J 10 * I + . LOOP LOOP CR ;
: t12 ." leave: " 10 0 DO I 4 = IF LEAVE THEN I . LOOP ." after" CR ;
: t13 ." leave in nested: " 3 0 DO 10 0 DO I 2 = IF LEAVE THEN J . I . ." | " LOOP LOOP CR ;
: find-first ( n -- i ) 100 0 DO I I * OVER > IF DROP I UNLOOP EXIT THEN LOOP DROP -1 ;
: t14 ." unloop exit: " 10 find-first .  50 find-first .  20000 find-first . CR ;
: t15 ." boundary crossing up: " 2147483647 2147483645 DO I . LOOP CR ;
: t16 ." boundary crossing min: " -2147483647 -2147483648 DO I . LOOP CR ;
: t17 ." unsigned range: " -2147483646 2147483646 DO I . LOOP CR ;
: t18 ." +loop 0 limit: " 0 -6 DO I . 2 +LOOP CR ;
: t19 ." sum 1..100: " 0 101 1 DO I + LOOP . CR ;
: t20 ." loop count with +loop big step: " 0 100 0 DO 1+ 40 +LOOP . CR ;
: t21 ." i after nested leave: " 2 0 DO 5 0 DO LEAVE LOOP I . LOOP CR ;
: t22 ." ?do with +loop empty: " 5 5 ?DO I . 1 +LOOP ." none" CR ;
: t23 ." +loop -1 includes limit: " 2 5 DO I . -1 +LOOP CR ;
t1 t2 t3 t4 t5 t6 t7 t8 t9 t11 t12 t13 t14 t15 t16 t17 t18 t19 t20 t21 t22 t23
