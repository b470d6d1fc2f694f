\ ENDIF is THEN: without IF it is a control mismatch.
: bad ( -- ) 1 endif ;
