\ horner: a polynomial of degree DEGREE with LCG coefficients, evaluated by
\ Horner's rule at x = 0 .. HORNER-N - 1. The loop steps down the
\ coefficient table with -1 CELLS +LOOP and keeps x and the accumulator on
\ the stack (OVER * I @ +). Checksum: h = (h xor p(x)) + x over all x.
\ Everything wraps modulo 2^32 (the C twin, horner.c, uses uint32_t).

31 constant degree
10000000 constant horner-n

create coeffs degree 1+ cells allot
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: fill-coeffs ( -- )
  degree 1+ 0 do  rnd  coeffs i cells +  !  loop ;

: poly ( x -- p )   \ coefficient k multiplies x^k
  0  coeffs  coeffs degree cells +  do   ( x acc )
    over *  i @ +
  -1 cells +loop
  nip ;

: main ( -- )
  99 seed !  fill-coeffs
  0  horner-n 0 do
    i poly xor  i +
  loop
  . cr ;
