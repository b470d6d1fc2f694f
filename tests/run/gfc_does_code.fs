\ gforth's >DOES-CODE, DOES-CODE! and !DOES: the code after DOES> taken
\ from one word and given to another (an opaque value: an xt here, an
\ address in gforth).

: counter ( n "name" -- ) create , does> ( addr -- ) dup @ . 1 swap +! ;
10 counter tally
tally tally cr
create other 100 ,
' tally >does-code ' other does-code!
other other other cr
create fresh 7 ,  ' tally >does-code !does
fresh fresh cr
' dup >does-code . ' tally >does-code 0= . cr
: shared-does ( -- xt ) ['] tally >does-code ;
create late 50 , shared-does !does late cr
