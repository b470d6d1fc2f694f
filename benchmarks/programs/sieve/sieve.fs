\ sieve: sieve of Eratosthenes over 16384 byte flags (primes below 16384),
\ repeated SIEVE-REPS times; MAIN prints the sum of the prime counts.
\ C twin: sieve.c

16384 constant sieve-size
30000 constant sieve-reps

create flags sieve-size allot

: sieve ( -- n )   \ number of primes below sieve-size
  flags sieve-size 1 fill
  0  sieve-size 2 do
    flags i + c@ if
      1+
      i i * begin dup sieve-size < while
        0 over flags + c!  i +
      repeat drop
    then
  loop ;

: main ( -- )
  0  sieve-reps 0 do sieve + loop  . cr ;
