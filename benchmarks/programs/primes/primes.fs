\ primes: counts the primes below LIMIT by trial division with odd divisors
\ up to the square root, PRIMES-REPS times. Checksum: sum of the primes found
\ plus their count, wrapping modulo 2^32 (the C twin, primes.c, uses uint32_t).

1000000 constant limit
5 constant primes-reps

: prime? ( n -- f )
  dup 2 < if drop false exit then
  dup 4 < if drop true exit then
  dup 1 and 0= if drop false exit then
  3 begin  2dup dup * < 0=  while     ( n d )  \ while d*d <= n
    2dup mod 0= if 2drop false exit then
    2 +
  repeat 2drop true ;

: main ( -- )
  0
  primes-reps 0 do
    limit 0 do  i prime? if i + 1+ then  loop
  loop
  . cr ;
