\ +LOOP with a constant step, up and down, across the limit, with
\ wrapping bounds and with steps of a cell or more over addresses.
: t1 0 10 0 do i + 3 +loop . ;
: t2 0 0 10 do i + -3 +loop . ;
: t3 0 -2147483648 2147483640 do i 2147483640 - + 1 +loop . ;
: t4 0 2147483640 -2147483648 do 1+ -1 +loop . ;
: t5 0 0 10 do i + -1 +loop . ;
: t6 0 10 10 do 1+ 1000000 +loop . ;
: t7 0 10 10 do 1+ -5 +loop . ;
: t8 0 -5 5 do i + -5 +loop . ;
: t9 0 5 -5 do i + 5 +loop . ;
t1 t2 t3 t4 t5 t6 t7 t8 t9 cr
create buf 40 cells allot
: t11 0 buf 40 cells + buf do i @ drop 1+ 4 cells +loop . ; t11
: t12 0 buf buf 40 cells + do 1+ -4 cells +loop . ; t12
: t13 0 -2147483647 1- 2147483647 do 1+ 1000000000 +loop . ; t13
: t14 0 2147483647 -2147483647 1- do 1+ -1000000000 +loop . ; t14
: t15 0 7 0 ?do 1+ 2 +loop . ; t15
: t16 0 0 7 ?do 1+ -2 +loop . ; t16
: t17 0 10 0 do 10 0 do i j + + 3 +loop 1 cells +loop . ; t17
cr
