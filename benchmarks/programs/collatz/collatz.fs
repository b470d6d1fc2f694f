\ collatz: total length (number of steps down to 1) of the Collatz sequences
\ of the CN numbers k+1 .. k+CN, for each repetition k = 0 .. COLLATZ-REPS-1.
\ Every start value stays at or below 113382, so no sequence value exceeds
\ 2^31-1 (113383 is the first start value that would). The total wraps
\ modulo 2^32 (the C twin, collatz.c, uses uint32_t).

100000 constant cn
24 constant collatz-reps

: clen ( n -- len )
  0 swap
  begin dup 1 <> while
    dup 1 and if  dup 2* + 1+  else  1 rshift  then
    swap 1+ swap
  repeat drop ;

: main ( -- )
  0
  collatz-reps 0 do
    i cn + 1+  i 1+  do  i clen +  loop
  loop
  . cr ;
