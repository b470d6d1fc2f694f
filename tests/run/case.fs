\ case.fs -- CASE OF ENDOF ENDCASE: matching, default clause sees the selector, nesting, no clauses
: color ( n -- )
   CASE
      0 OF ." red" ENDOF
      1 OF ." green" ENDOF
      2 OF ." blue" ENDOF
      ." other:" DUP .
   ENDCASE ;
: t1 0 color SPACE 1 color SPACE 2 color SPACE -1 color 99 color CR ;
: only-default ( n -- ) CASE ." default " ENDCASE ;
: t2 5 only-default DEPTH . CR ;
: empty-case ( n -- ) CASE ENDCASE ;
: t3 ." empty: " 7 empty-case DEPTH . CR ;
: computed ( n -- ) CASE 2 3 * OF ." six" ENDOF -2147483648 OF ." min" ENDOF  ." ?" ENDCASE ;
: t4 6 computed SPACE -2147483648 computed SPACE 5 computed CR ;
: nested ( a b -- )
   SWAP CASE
      1 OF CASE 1 OF ." 1-1" ENDOF 2 OF ." 1-2" ENDOF ." 1-?" ENDCASE ENDOF
      2 OF ." 2-" . ENDOF
      ." ?-" DUP . OVER . NIP
   ENDCASE ;
: t5 1 1 nested SPACE 1 2 nested SPACE 1 9 nested SPACE 2 5 nested SPACE 3 4 nested CR ;
: first-match ( n -- ) CASE 1 OF ." first" ENDOF 1 OF ." second" ENDOF ENDCASE ;
: t6 1 first-match CR ;
: in-loop 5 0 DO I CASE 1 OF ." one " ENDOF 3 OF ." three " ENDOF ." - " ENDCASE LOOP CR ;
: exit-in-of ( n -- ) CASE 1 OF ." exit " EXIT ENDOF ENDCASE ." fallthrough " ;
: t7 1 exit-in-of 2 exit-in-of DEPTH . CR ;
t1 t2 t3 t4 t5 t6 in-loop t7
