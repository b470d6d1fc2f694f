\ <COMPILATION closes a COMPILATION> part; alone it is a mismatch.
: bad ( -- ) <compilation ;
