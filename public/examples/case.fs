\ case: CASE ... OF ... ENDOF ... ENDCASE picks by value.

: .day ( n -- )
  case
    0 of ." Sunday" endof
    6 of ." Saturday" endof
    dup 1 6 within if ." a weekday" else ." no such day" then
  endcase ;
0 .day cr  3 .day cr  6 .day cr  9 .day cr

: fizzbuzz ( n -- )
  dup 15 mod 0= if drop ." FizzBuzz" exit then
  dup 3 mod 0= if drop ." Fizz" exit then
  dup 5 mod 0= if drop ." Buzz" exit then . ;
: fb ( -- )  16 1 do  i fizzbuzz space  loop cr ;
fb
