\ DOES-CODE! needs a word made by CREATE.
: counter ( n "name" -- ) create , does> @ . ;
3 counter c3
: plain ( -- ) ;
' c3 >does-code ' plain does-code!
