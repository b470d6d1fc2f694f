\ BLOCK of a negative block number.
: b ( -- ) -1 BLOCK DROP ;
b
