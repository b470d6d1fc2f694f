\ recursion: a word may call itself with RECURSE.

: factorial ( n -- n! )  dup 2 < if drop 1 else dup 1- recurse * then ;
10 factorial . cr

: gcd ( a b -- g )  ?dup if tuck mod recurse then ;
84 36 gcd . cr

\ The towers of Hanoi: count the moves for n discs.
: hanoi ( n -- moves )  dup 0= if exit then  1- dup recurse swap recurse + 1+ ;
10 hanoi . cr

\ Ackermann's function grows fast; keep the arguments small.
: ack ( m n -- a )
  over 0= if nip 1+ exit then
  dup 0= if drop 1- 1 recurse exit then
  over swap 1- recurse swap 1- swap recurse ;
2 3 ack . cr
