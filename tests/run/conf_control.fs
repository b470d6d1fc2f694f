\ conf_control.fs -- T{ }T conformance cases for control flow: IF ELSE THEN BEGIN UNTIL WHILE REPEAT AGAIN DO LOOP +LOOP ?DO I J LEAVE UNLOOP EXIT CASE RECURSE
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ IF ELSE THEN
: gi1 ( f -- n ) IF 123 THEN ;
: gi2 ( f -- n ) IF 123 ELSE 234 THEN ;
: gi3 ( n -- m ) DUP 0< IF DROP -1 ELSE 0= IF 0 ELSE 1 THEN THEN ;
T{ 0 gi1 -> }T
T{ 1 gi1 -> 123 }T
T{ -1 gi1 -> 123 }T
T{ min-n gi1 -> 123 }T
T{ 0 gi2 -> 234 }T
T{ 1 gi2 -> 123 }T
T{ -1 gi2 -> 123 }T
T{ -7 gi3 -> -1 }T
T{ 0 gi3 -> 0 }T
T{ 7 gi3 -> 1 }T
\ BEGIN UNTIL
: gu1 ( n -- 0 .. n ) BEGIN DUP 1- DUP 0< UNTIL DROP ;
: gu2 ( -- n ) 0 BEGIN 1+ DUP 10 = UNTIL ;
T{ 3 gu1 -> 3 2 1 0 }T
T{ 0 gu1 -> 0 }T
T{ gu2 -> 10 }T
\ BEGIN WHILE REPEAT
: gw1 ( n -- n' ) BEGIN DUP 10 < WHILE 1+ REPEAT ;
: gw2 ( n -- 1 .. n ) BEGIN DUP WHILE DUP 1- REPEAT DROP ;
T{ 0 gw1 -> 10 }T
T{ 20 gw1 -> 20 }T
T{ 3 gw2 -> 3 2 1 }T
T{ 0 gw2 -> }T
\ two WHILEs with ELSE THEN
: gw3 ( n -- n' code ) BEGIN DUP 10 < WHILE DUP 5 <> WHILE 1+ REPEAT 1 ELSE 2 THEN ;
T{ 0 gw3 -> 5 1 }T
T{ 6 gw3 -> 10 2 }T
T{ 5 gw3 -> 5 1 }T
T{ 50 gw3 -> 50 2 }T
\ BEGIN AGAIN left with EXIT
: ga1 ( -- n ) 0 BEGIN 1+ DUP 7 = IF EXIT THEN AGAIN ;
T{ ga1 -> 7 }T
\ DO LOOP
: gd1 ( limit start -- i's ) DO I LOOP ;
T{ 4 1 gd1 -> 1 2 3 }T
T{ 2 -1 gd1 -> -1 0 1 }T
T{ 1 0 gd1 -> 0 }T
T{ max-n DUP 1- gd1 -> max-n 1- }T
T{ min-n 1+ min-n gd1 -> min-n }T
T{ min-n max-n gd1 -> max-n }T
\ +LOOP
VARIABLE step
: gd2 ( limit start step -- i's ) step ! DO I step @ +LOOP ;
T{ 4 1 1 gd2 -> 1 2 3 }T
T{ 10 0 3 gd2 -> 0 3 6 9 }T
T{ 9 0 3 gd2 -> 0 3 6 }T
T{ 1 4 -1 gd2 -> 4 3 2 1 }T
T{ 0 4 -2 gd2 -> 4 2 0 }T
T{ -1 4 -2 gd2 -> 4 2 0 }T
T{ 4 4 -1 gd2 -> 4 }T
T{ 2 -1 1 gd2 -> -1 0 1 }T
T{ -10 10 -7 gd2 -> 10 3 -4 }T
T{ max-n max-n 2 - 1 gd2 -> max-n 2 - max-n 1- }T
T{ min-n min-n 2 + -1 gd2 -> min-n 2 + min-n 1+ min-n }T
\ ?DO skips when limit = start
: gqd ( limit start -- i's ) ?DO I LOOP ;
T{ 3 3 gqd -> }T
T{ 3 0 gqd -> 0 1 2 }T
T{ -1 -2 gqd -> -2 }T
: gqd2 ( limit start step -- i's ) step ! ?DO I step @ +LOOP ;
T{ 5 5 1 gqd2 -> }T
T{ 5 5 -1 gqd2 -> }T
T{ 0 3 -1 gqd2 -> 3 2 1 0 }T
\ I J in nested loops
: gij ( -- ... ) 3 1 DO 12 10 DO I J LOOP LOOP ;
T{ gij -> 10 1 11 1 10 2 11 2 }T
: gsum ( n -- sum ) 0 SWAP 0 DO I + LOOP ;
T{ 10 gsum -> 45 }T
T{ 1 gsum -> 0 }T
\ LEAVE
: gl1 ( -- i's ) 10 0 DO I DUP 3 = IF LEAVE THEN LOOP ;
T{ gl1 -> 0 1 2 3 }T
: gl2 ( -- n ) 0 100 0 DO 1+ DUP 5 = IF LEAVE THEN 10 +LOOP ;
T{ gl2 -> 5 }T
: gl3 ( -- ... ) 3 0 DO 3 0 DO I 1 = IF LEAVE THEN J I LOOP LOOP ;
T{ gl3 -> 0 0 1 0 2 0 }T
\ UNLOOP EXIT
: gue ( n -- i ) 10 0 DO I OVER = IF DROP I UNLOOP EXIT THEN LOOP DROP -1 ;
T{ 5 gue -> 5 }T
T{ 50 gue -> -1 }T
: gue2 ( -- i j ) 5 0 DO 5 0 DO I J + 5 = IF J I UNLOOP UNLOOP EXIT THEN LOOP LOOP -1 -1 ;
T{ gue2 -> 1 4 }T
\ EXIT
: gex ( n -- m ) DUP 0< IF NEGATE EXIT THEN 1+ ;
T{ -5 gex -> 5 }T
T{ 5 gex -> 6 }T
\ CASE OF ENDOF ENDCASE (CORE EXT)
: gc ( n -- m ) CASE 1 OF 111 ENDOF 2 OF 222 ENDOF -1 OF 333 ENDOF DUP 1000 + SWAP ENDCASE ;
T{ 1 gc -> 111 }T
T{ 2 gc -> 222 }T
T{ -1 gc -> 333 }T
T{ 3 gc -> 1003 }T
: gc2 ( n -- ) CASE ENDCASE ;
T{ 5 gc2 -> }T
: gc3 ( n -- m ) CASE 1 OF 10 ENDOF ENDCASE ;
T{ 1 gc3 -> 10 }T
T{ 2 gc3 -> }T
\ RECURSE
: gfact ( n -- n! ) DUP 1 > IF DUP 1- RECURSE * ELSE DROP 1 THEN ;
T{ 0 gfact -> 1 }T
T{ 1 gfact -> 1 }T
T{ 6 gfact -> 720 }T
T{ 12 gfact -> 479001600 }T
: gfib ( n -- f ) DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;
T{ 0 gfib -> 0 }T
T{ 10 gfib -> 55 }T
T{ 20 gfib -> 6765 }T
:NONAME ( n -- n' ) DUP 0> IF 1- RECURSE 2 + THEN ; CONSTANT grec-xt
T{ 5 grec-xt EXECUTE -> 10 }T
\ loop index after many iterations
: gcount ( n -- n ) 0 SWAP 0 ?DO 1+ LOOP ;
T{ 1000 gcount -> 1000 }T
T{ 0 gcount -> 0 }T

REPORT
