\ bits: bit twiddling over BITS-ITERS values of a xorshift32 PRNG: SWAR
\ popcount (shifts and masks), 32-bit reversal by mask-and-swap steps, and a
\ Kernighan loop popcount (x and x-1) of the low byte. Checksum:
\ h = ((h xor rev(x)) + popcount(x)) * 3 + kernighan(x and 255), wrapping
\ modulo 2^32 (the C twin, bits.c, uses uint32_t). Needs 32-bit cells: the
\ left shifts rely on bits falling off the top of the cell.

40000000 constant bits-iters

1431655765 constant m1          \ $55555555
858993459 constant m2           \ $33333333
252645135 constant m4           \ $0F0F0F0F
16711935 constant m8            \ $00FF00FF
16843009 constant h01           \ $01010101

: xorshift ( x -- x' )
  dup 13 lshift xor  dup 17 rshift xor  dup 5 lshift xor ;

: popcount ( x -- n )
  dup 1 rshift m1 and -
  dup m2 and  swap 2 rshift m2 and  +
  dup 4 rshift + m4 and
  h01 * 24 rshift ;

: bitrev ( x -- x' )
  dup 1 rshift m1 and  swap m1 and 1 lshift  or
  dup 2 rshift m2 and  swap m2 and 2 lshift  or
  dup 4 rshift m4 and  swap m4 and 4 lshift  or
  dup 8 rshift m8 and  swap m8 and 8 lshift  or
  dup 16 rshift  swap 16 lshift  or ;

: kernighan ( x -- n )
  0 swap begin dup while  dup 1- and  swap 1+ swap  repeat drop ;

: main ( -- )
  -1831433054                   \ x = 2463534242 as a signed cell
  0                             ( x h )
  bits-iters 0 do
    swap xorshift swap          ( x' h )
    over bitrev xor  over popcount +  3 *
    over 255 and kernighan +
  loop
  nip . cr ;
