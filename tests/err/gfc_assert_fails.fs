\ A failed assertion prints its position on the output and throws -2.
: checked-sqrt ( n -- n ) assert( dup 0< 0= ) 0 ;
4 checked-sqrt .
-4 checked-sqrt .
