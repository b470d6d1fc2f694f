\ reference: fastforth (a word put into TYPE must take what TYPE takes)
: greedy ( x c-addr u -- ) 2drop drop ;
: greet ( -- ) ." hello" ;
' greedy is type
1 2 3 greet
