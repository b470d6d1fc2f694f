\ bubble: bubble sort of 6000 integers from a 32-bit LCG, BUBBLE-REPS times
\ (fresh numbers each time). Checksum: sum of a[i]*(i+1) over each sorted
\ array, plus 1000 per out-of-order neighbour pair (there should be none).
\ The LCG and the sums wrap modulo 2^32 (the C twin, bubble.c, uses uint32_t).

6000 constant n
8 constant bubble-reps

create arr n cells allot
variable seed

: rnd ( -- u )   \ 0 .. 2^24-1
  seed @ 1103515245 * 12345 + dup seed !  8 rshift ;

: fill-arr ( -- )  n 0 do rnd arr i cells + ! loop ;

: bsort ( -- )
  n 1- begin dup 0 > while          ( lim )
    dup 0 do
      arr i cells +  dup @  over cell+ @   ( a x y )
      2dup > if  rot tuck !  cell+ !  else  2drop drop  then
    loop
    1-
  repeat drop ;

: check ( -- u )
  0  n 0 do  arr i cells + @  i 1+ *  +  loop
  n 1- 0 do  arr i cells + @  arr i 1+ cells + @  > if 1000 + then  loop ;

: main ( -- )
  12345 seed !
  0  bubble-reps 0 do  fill-arr bsort check +  loop  . cr ;
