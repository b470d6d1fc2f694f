\ An IF left open inside a TRY region.
: bad ( -- ) try 1 if iferror then endtry ;
