\ stack: how the data stack works, and what the optimizer infers.

: 3dup ( a b c -- a b c a b c )  dup 2over rot ;
: sum3 ( a b c -- a+b+c )  + + ;
: average ( a b c -- avg )  sum3 3 / ;

1 2 3 3dup sum3 . cr         \ prints 6, leaves 1 2 3
average . cr                 \ prints 2

\ A word whose effect depends on its input is "dynamic":
: maybe-dup ( x -- x x | 0 )  ?dup ;

\ Values left here show in the data stack panel after the run.
10 20 30
