\ environment.fs -- ENVIRONMENT? for queries whose answers are fixed by 32-bit cells and 8-bit chars, sizes only checked against minimums
: ask ( addr len -- ) 2DUP TYPE ." : " ENVIRONMENT? ;
S" MAX-N" ask . . CR
S" MAX-U" ask . U. CR
S" ADDRESS-UNIT-BITS" ask . . CR
S" FLOORED" ask . . CR
S" MAX-CHAR" ask . . CR
S" /COUNTED-STRING" ask . . CR
S" MAX-D" ask . . . CR
S" MAX-UD" ask . U. U. CR
S" /HOLD" ask . 66 < 0= . CR
S" /PAD" ask . 84 < 0= . CR
S" RETURN-STACK-CELLS" ask . 0> . CR
S" STACK-CELLS" ask . 0> . CR
S" NO-SUCH-QUERY" ask . CR
S" " ask . CR
: in-def ( -- ) S" MAX-N" ENVIRONMENT? IF 1+ . THEN ;
.( compiled query: ) in-def CR
