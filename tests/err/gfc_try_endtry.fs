\ ENDTRY right after TRY: the region needs IFERROR, RESTORE or ENDTRY-IFERROR.
: bad ( -- ) try 1 endtry ;
