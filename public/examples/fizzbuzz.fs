\ fizzbuzz: control flow, strings and a bench-friendly MAIN.
\ Bench it: entry MAIN, 100 iterations.

: fizz? ( n -- f )  3 mod 0= ;
: buzz? ( n -- f )  5 mod 0= ;
: fizzbuzz ( n -- )
  dup fizz? over buzz? and if drop ." FizzBuzz " exit then
  dup fizz? if drop ." Fizz " exit then
  dup buzz? if drop ." Buzz " exit then
  . ;

: main ( -- )  16 1 do i fizzbuzz loop cr ;

main
