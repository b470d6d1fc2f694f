\ catch-throw: errors as exceptions. THROW unwinds to the nearest CATCH.

: safe/ ( a b -- q )  dup 0= if -10 throw then / ;
: try ( a b -- )  ['] safe/ catch
  ?dup if  ." error " . drop drop  else  ." result " .  then cr ;
10 2 try                                  \ result 5
10 0 try                                  \ error -10

\ Codes of our own, and ABORT" with a message.
-1000 constant empty-input
: check ( n -- n )  dup 0= if empty-input throw then ;
: run-check ( n -- )  ['] check catch  ?dup if ." caught " . drop else . then cr ;
0 run-check  42 run-check

: careful ( n -- )  dup 100 > abort" too big" . ;
: attempt ( n -- )  ['] careful catch  if ." refused" drop then cr ;
5 attempt  500 attempt
