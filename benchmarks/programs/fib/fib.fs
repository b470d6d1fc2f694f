\ fib: doubly recursive Fibonacci, fib(FIB-N). C twin: fib.c

42 constant fib-n

: fib ( n -- f )
  dup 2 < if exit then
  dup 1- recurse  swap 2 - recurse  + ;

: main ( -- )  fib-n fib . cr ;
