\ I' reads the limit of a loop, so it needs one.
: bad ( -- ) i' . ;
