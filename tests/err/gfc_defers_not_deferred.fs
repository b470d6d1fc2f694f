\ DEFERS needs a deferred word.
: two ( -- n ) 2 ;
: bad ( -- n ) defers two ;
