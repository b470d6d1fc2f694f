\ IFERROR without TRY.
: bad ( -- ) 1 iferror then ;
