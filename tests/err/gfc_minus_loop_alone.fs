\ -LOOP needs an open DO (or -DO).
: bad ( -- ) 5 -loop ;
