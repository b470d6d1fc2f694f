\ value_not_folded.fs -- words compiled before a VALUE (or VARIABLE, DEFER) changes see the new contents: nothing is folded at compile time
5 VALUE limit
: show-limit ( -- ) limit . ;
: limit+1 ( -- n ) limit 1+ ;
: loop-to-limit ( -- ) limit 0 ?DO I . LOOP ;
.( before: ) show-limit limit+1 . loop-to-limit CR
8 TO limit
.( after interpreted TO: ) show-limit limit+1 . loop-to-limit CR
: set-limit ( n -- ) TO limit ;
2 set-limit
.( after compiled TO: ) show-limit limit+1 . loop-to-limit CR
: bump ( -- ) limit 1+ TO limit ;
bump bump bump
.( after bumps: ) show-limit CR
-2147483648 TO limit
.( extreme value: ) show-limit limit+1 . CR
VARIABLE var  1 var !
: show-var ( -- ) var @ . ;
2 var !
.( variable: ) show-var CR
: yes ." yes" ;  : no ." no" ;
DEFER choice  ' no IS choice
: ask ( -- ) choice ;
' yes IS choice
.( defer: ) ask CR
\ A value used inside an IF condition and as a loop step.
3 VALUE step
: stepper ( -- ) 10 0 DO I . step +LOOP ;
.( step 3: ) stepper CR
4 TO step
.( step 4: ) stepper CR
\ Two values do not alias each other.
1 VALUE va  2 VALUE vb
: sum-ab va vb + ;
100 TO vb
.( two values: ) sum-ab . va . CR
