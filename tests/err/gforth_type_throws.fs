\ A TYPE that throws: the error names the word whose text it was
\ displaying (gforth 0.7.3 loops here, its own message going to TYPE).
: bad-type ( addr u -- ) 2drop -4000 throw ;
' bad-type is type
.( never shown)
