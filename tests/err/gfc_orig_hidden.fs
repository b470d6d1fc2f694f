\ An orig left under other data at ; is never resolved: an error at ;.
: bad ( n -- ) IF [ 5 ] ." x" ;
