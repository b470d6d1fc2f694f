\ vecops: map loops and reductions over two arrays of 65536 cells,
\ VECOPS-REPS passes: y := a*x + y (a from -3 to 4, the loop indexed by
\ I CELLS), then the sum and the maximum of y (loops over addresses with
\ 1 CELLS +LOOP) and a 256-bin histogram of the low bytes of y.
\ Checksum: h = h*31 + sum, h = h*31 + max, h = h*31 + the bins weighted
\ by 1 .. 256, per pass. The products, the sums and the LCG wrap modulo
\ 2^32 (the C twin, vecops.c, uses uint32_t); the maximum compares signed
\ cells.

65536 constant vec-n
1800 constant vecops-reps

create vx vec-n cells allot
create vy vec-n cells allot
create bins 256 cells allot
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: fill-vecs ( -- )
  vec-n 0 do
    rnd 16 rshift 32768 -  vx i cells + !
    rnd 12 rshift  vy i cells + !
  loop ;

: saxpy ( a -- )   \ y := a*x + y
  vec-n 0 do  dup vx i cells + @ *  vy i cells + +!  loop  drop ;

: vsum ( addr n -- sum )
  0 rot rot  cells over + swap do  i @ +  1 cells +loop ;

: vmax ( addr n -- max )
  over @ rot rot  cells over + swap do  i @ max  1 cells +loop ;

: histogram ( addr n -- )   \ counts the low bytes of the cells into bins
  bins 256 cells erase
  cells over + swap do  1  i @ 255 and cells bins +  +!  1 cells +loop ;

: weigh-bins ( -- n )
  0  256 0 do  bins i cells + @  i 1+ *  +  loop ;

: main ( -- )
  1234 seed !  fill-vecs
  0  vecops-reps 0 do
    i 7 and 3 - saxpy
    31 *  vy vec-n vsum +
    31 *  vy vec-n vmax +
    vy vec-n histogram  31 *  weigh-bins +
  loop
  . cr ;
