\ NEXT with no loop open at all.
: bad ( -- ) 1 2 + next ;
