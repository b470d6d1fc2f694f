\ window: the largest sum of WIDTH consecutive cells of a 4096-cell LCG
\ array, for every width from 1 to 64, WINDOW-REPS times with fresh
\ numbers. Written the way much Forth code is, with the bounds in
\ variables: the scan over start positions runs LEN @ WIDTH @ - 0 DO,
\ stores each window's bounds into LO and HI, and the inner sum runs
\ HI @ LO @ DO. Checksum: h = h*31 + best over all widths and repetitions,
\ wrapping modulo 2^32 (the C twin, window.c, uses uint32_t); the LCG wraps
\ too.

4096 constant max-len
64 constant max-width
50 constant window-reps

create data max-len cells allot
variable len
variable width
variable lo
variable hi
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: fill-data ( -- )
  len @ 0 do  rnd 20 rshift 2048 -  data i cells + !  loop ;

: window-sum ( -- n )   \ the sum of data[lo, hi)
  0  hi @ lo @ do  data i cells + @ +  loop ;

: best-window ( -- n )   \ the largest window-sum of WIDTH cells
  -2147483647 1-
  len @ width @ - 1+ 0 do
    i lo !  i width @ + hi !
    window-sum max
  loop ;

: main ( -- )
  max-len len !  4242 seed !
  0  window-reps 0 do
    fill-data
    max-width 1+ 1 do
      i width !
      31 *  best-window +
    loop
  loop
  . cr ;
