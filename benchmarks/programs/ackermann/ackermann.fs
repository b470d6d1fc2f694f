\ ackermann: the Ackermann function, plainly recursive. Checksum: sum of
\ A(m, n) for m = 0..3 and n = 0..ACK-N, repeated ACK-REPS times (the deepest
\ call, A(3, 7), nests 1023 calls: the return stack must hold them;
\ A(3, 8) would nest 2047, too deep for 64-bit gforth's default return stack).
\ C twin: ackermann.c

7 constant ack-n
1200 constant ack-reps

: ack ( m n -- a )
  over 0= if  nip 1+ exit  then
  dup 0= if  drop 1- 1 recurse exit  then
  over swap 1- recurse          ( m a )  \ a = A(m, n-1)
  swap 1- swap recurse ;

: main ( -- )
  0
  ack-reps 0 do
    4 0 do
      ack-n 1+ 0 do  j i ack +  loop
    loop
  loop
  . cr ;
