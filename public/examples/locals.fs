\ locals: named values inside a definition, with the standard {: ... :}.

\ The roots of a*x*x + b*x + c, as integers (only for exact squares).
: isqrt ( n -- root )  0 begin 2dup dup * > while 1+ repeat nip ;
: roots {: a b c -- r1 r2 :}
  b b * 4 a * c * - isqrt {: d :}
  b negate d + 2 a * /   b negate d - 2 a * / ;
1 -5 6 roots . . cr                       \ 2 3

\ Locals after | start without a value; TO sets a local.
: sum-of-squares {: n | total -- sum :}
  n 1+ 1 do  i i * total + to total  loop  total ;
10 sum-of-squares . cr                    \ 385

\ Locals work in loops and with recursion.
: fib {: n -- f :}  n 2 < if n exit then  n 1- recurse n 2 - recurse + ;
20 fib . cr
