\ ENDTRY without TRY.
: bad ( -- ) 1 endtry ;
