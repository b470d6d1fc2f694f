\ >MARK gives the orig of the BRANCH, ?BRANCH or CALL just compiled; after
\ anything else it is an error at >MARK, and the session goes on.
: my-if ( -- orig ) POSTPONE dup >mark ; immediate
: bad ( n -- ) my-if ." yes" then ;
