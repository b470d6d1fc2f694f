\ A word whose only path that consumes an input is never taken at run time:
\ its static effect is ( 1 -- 1 ), yet it must run on an empty stack and
\ call host words (TYPE) without the stack pointer passing the bottom.
: maybe-drop  0 IF DROP 5 THEN ." ran" CR ;
maybe-drop
DEPTH . CR
: twice  maybe-drop maybe-drop ;
twice DEPTH . CR
