\ dot: integer dot products of two vectors of DOT-N cells, DOT-REPS times,
\ each time with one vector shifted by 0 to 63 cells (so every product is
\ DOT-N - 64 terms long). The loop walks one vector's addresses with
\ 1 CELLS +LOOP and keeps the sum and the other vector's address on the
\ stack, shuffled every trip (I @ OVER @ * ROT + SWAP CELL+).
\ Checksum: h = h*31 + dot over all repetitions, wrapping modulo 2^32 (the
\ C twin, dot.c, uses uint32_t); the LCG wraps too.

4096 constant dot-n
150000 constant dot-reps

create va dot-n cells allot
create vb dot-n cells allot
variable seed

: rnd ( -- u )   \ 0 .. 65535
  seed @ 1103515245 * 12345 + dup seed !  16 rshift ;

: fill-vecs ( -- )
  dot-n 0 do
    rnd 1000 mod 500 -  va i cells + !
    rnd 1000 mod 500 -  vb i cells + !
  loop ;

: dot ( a1 a2 n -- sum )   \ sum of a1[k]*a2[k] for k < n
  cells over + swap         ( a1 a2-end a2 )
  rot 0 swap 2swap          ( 0 a1 a2-end a2 )
  do                        ( sum a1 )
    i @ over @ *  rot +  swap cell+
  1 cells +loop
  drop ;

: main ( -- )
  7 seed !  fill-vecs
  0  dot-reps 0 do
    31 *  vb  va i 63 and cells +  dot-n 64 -  dot  +
  loop
  . cr ;
