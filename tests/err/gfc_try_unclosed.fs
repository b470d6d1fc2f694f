\ ; inside a TRY region.
: bad ( -- ) try 1 ;
