\ gforth's { } locals: order, comments, several groups, loops, recursion.

\ The last name takes the top of the stack.
: show3 { a b c } a . b . c . cr ;
1 2 3 show3

\ Everything after -- is a comment, up to the closing brace.
: hyp2 { x y -- sum-of-squares } x x * y y * + ;
3 4 hyp2 . cr
: sub2 { x y -- x-y}  x y - ;
10 3 sub2 . cr

\ A group may span lines and hold comments.
: mix3 {
    a      \ the first argument
    b ( the second ) c
  }
  a 100 * b 10 * + c + ;
1 2 3 mix3 . cr

\ Prefixes and names ignore case, and a local hides a word of its name.
: sq { W: dup } DUP Dup * ;
7 sq . cr

\ Several groups in one definition, and a local declared twice.
: groups { a b } a b + { s } a b * { p } s . p . { a } a . cr ;
3 4 99 groups

\ Locals after code, and a local hiding another local.
: later 10 20 + { x } x 2* { x } x . cr ;
later

\ Counted loops: I and J still work beside locals.
: table { rows cols }
  rows 0 ?do
    cols 0 ?do j cols * i + 3 .r loop cr
  loop ;
3 4 table

\ TO inside a loop.
: sum-to { n } 0 { acc } n 1+ 1 ?do acc i + to acc loop acc ;
10 sum-to . cr

\ EXIT from inside a loop.
: find-first { addr n x -- index|-1 }
  n 0 ?do addr i cells + @ x = if i unloop exit then loop -1 ;
create nums 5 , 8 , 13 , 21 , 34 ,
nums 5 13 find-first . nums 5 4 find-first . cr

\ RECURSE: every activation has its own locals.
: fib { n -- f } n 2 < if n exit then n 1- recurse n 2 - recurse + ;
20 fib . cr
: countdown { n } n 0> if n . n 1- recurse n . then ;
3 countdown cr

\ :NONAME with locals.
:noname { a b } a b - ; constant minus
10 4 minus execute . cr

\ BEGIN loops that change a local.
: gcd { a b -- n } begin b while b a b mod to b to a repeat a ;
48 36 gcd . 17 5 gcd . cr
: collatz { n -- steps } 0 begin n 1 <> while 1+ n 2 mod if n 3 * 1+ else n 2/ then to n repeat ;
27 collatz . cr

\ A word with locals leaves the data stack below its arguments alone.
: under { a } a 1+ ;
100 1 under . . cr
