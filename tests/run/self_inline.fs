\ Recursive definitions with a static effect get their own body pasted in
\ place of their self calls that are not tail calls (one or two levels),
\ so each wasm call runs several activations. Each must give what plain
\ recursion gives: with accumulators, loops, locals, the return stack,
\ EXIT in the middle, THROW out of the copies, and definitions that stay
\ as they are.

\ One self call left after the accumulating tail call became a loop.
: fib ( n -- f ) dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;
0 fib . 1 fib . 2 fib . 10 fib . 24 fib . cr

\ Two arguments; the inner call's result is the outer call's argument.
: ack ( m n -- a )
  over 0= if nip 1+ exit then
  dup 0= if drop 1- 1 recurse exit then
  over swap 1- recurse swap 1- swap recurse ;
0 0 ack . 1 2 ack . 2 3 ack . 3 3 ack . cr

\ Three self calls whose results feed a tail call.
: tak ( x y z -- r )
  over 3 pick < if
    2 pick 1- 2 pick 2 pick recurse >r
    over 1- over 4 pick recurse >r
    dup 1- 3 pick 3 pick recurse >r
    drop 2drop r> r> r> swap rot recurse
  else nip nip then ;
18 12 6 tak . 12 8 4 tak . 6 7 8 tak . cr

\ Not associative or commutative: both calls stay calls.
: alt ( n -- x ) dup 2 < if exit then dup 1- recurse swap 2 - recurse - ;
0 alt . 1 alt . 7 alt . 15 alt . cr

\ Items on the return stack across the self calls, and R@ between them.
: rs ( n -- x ) dup 2 < if exit then dup >r 1- recurse r@ 2 - recurse + r> + ;
1 rs . 5 rs . 12 rs . cr

\ A variable changed by every activation, in order.
variable trail
: walk ( n -- ) dup 0= if drop exit then
  dup 1- recurse  trail @ 3 * over + trail !  1- recurse ;
0 trail ! 6 walk trail @ . cr

\ EXIT in the middle, after the first self call.
: mid ( n -- x ) dup 3 < if exit then
  dup 1- recurse over 3 and 0= if nip exit then swap 2 - recurse + ;
2 mid . 8 mid . 14 mid . 20 mid . cr

\ Self calls inside DO loops, with I after the call, J, and LEAVE.
: perm ( n -- c ) dup 0= if drop 1 exit then
  0 swap dup 0 do dup 1- recurse i + rot + swap loop drop ;
0 perm . 1 perm . 3 perm . 5 perm . cr
: nest ( n -- x ) dup 0= if exit then
  0 swap 2 0 do 2 0 do dup 1- recurse i j + + rot + swap loop loop drop ;
1 nest . 3 nest . 5 nest . cr
: lv ( n -- c ) dup 0= if 1+ exit then
  0 swap dup 0 do dup 1- recurse rot + swap i 2 = if leave then loop drop ;
1 lv . 4 lv . 6 lv . cr

\ Value locals, and address locals whose frame each activation owns.
: lfib { n } n 2 < if n exit then n 1- recurse n 2 - recurse + ;
: afib ( n -- x ) { w^ v } v @ 2 < if v @ exit then
  v @ 1- recurse v @ 2 - recurse + v @ 1- v ! v @ + ;
10 lfib . 15 lfib . 10 afib . 12 afib . cr

\ Floats: the data effect is static, the floats live on their own stack.
: ffib ( n -- ) ( F: -- r ) dup 2 < if s>f exit then dup 1- recurse 2 - recurse f+ ;
10 ffib f. 20 ffib f. cr

\ A THROW from deep inside the copies reaches the CATCH outside.
: thr ( n -- x ) dup 10 = if 99 throw then dup 2 < if exit then
  dup 1- recurse swap 2 - recurse + ;
9 ' thr catch . . 12 ' thr catch . drop cr

\ Not static (the depth depends on n): stays as it is.
: deep-stack ( n -- 0 ... n ) dup 0> if dup 1- recurse then ;
: drop-all ( x*i -- ) depth 0 ?do drop loop ;
5 deep-stack depth . drop-all cr

\ Mutual recursion through DEFER: no self call to paste.
defer pong
: ping ( n -- x ) dup 0> if 1- dup pong swap recurse + 1+ else drop 0 then ;
: pong-impl ( n -- x ) dup 0> if 2/ ping 2* else drop 1 then ;
' pong-impl is pong
5 ping . 9 ping . cr

\ A thousand levels deep, with a return-stack item on each.
: sumd ( n -- s ) dup 0> if dup >r 1- recurse r> + then ;
1000 sumd . cr
