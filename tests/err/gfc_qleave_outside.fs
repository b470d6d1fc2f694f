\ ?LEAVE leaves a loop, so it needs one.
: bad ( flag -- ) ?leave ;
