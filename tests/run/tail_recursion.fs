\ Self tail calls: from -O2 they run as loops. Each must behave exactly
\ like a call: arguments in place, items below untouched, return stack
\ balanced, DO-loop slots re-initialized.

: countdown ( n -- 0 ) dup 0= if exit then 1- recurse ;
99 1000 countdown . . cr

\ Accumulator style: tail call in the ELSE branch.
: sum-to ( acc n -- acc' ) dup 0= if drop else tuck + swap 1- recurse then ;
0 1000 sum-to . cr

\ Two tail calls in different branches, like Ackermann's.
: ack ( m n -- a )
  over 0= if nip 1+ exit then
  dup 0= if drop 1- 1 recurse exit then
  over swap 1- recurse swap 1- swap recurse ;
2 3 ack . 3 3 ack . cr

\ Return-stack traffic before the tail call.
: rdance ( a n -- a' ) dup 0= if drop exit then >r 3 + r> 1- recurse ;
0 500 rdance . cr

\ A DO loop that leaves with UNLOOP and then recurses.
: loopy ( n -- n' )
  dup 100 > if exit then
  10 0 do i 5 = if unloop 7 + recurse exit then loop ;
1 loopy . cr

\ Gcd, a classic.
: gcd ( a b -- g ) ?dup 0= if exit then tuck mod recurse ;
1071 462 gcd . 17 5 gcd . cr

\ The word still works through EXECUTE and after being called normally.
' countdown 5 swap execute . cr
