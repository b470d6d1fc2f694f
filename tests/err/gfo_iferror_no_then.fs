\ IFERROR without its THEN before ENDTRY.
: bad ( -- ) try 1 iferror drop endtry ;
