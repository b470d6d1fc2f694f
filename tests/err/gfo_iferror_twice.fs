\ IFERROR twice in one TRY structure.
: bad ( -- ) try 1 iferror drop then iferror then endtry ;
