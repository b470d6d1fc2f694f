\ msort: recursive merge sort (two calls per activation, then a merge
\ through a scratch array) of 131072 LCG cells, MSORT-REPS times with
\ fresh numbers. The merge keeps both read indices on the stack and the
\ middle and end of the run in variables. Checksum: per sort, the sum of
\ a[i]*(i+1), plus 1000 per out-of-order neighbour pair (there should be
\ none), summed over the sorts; the sums and the LCG wrap modulo 2^32 (the
\ C twin, msort.c, uses uint32_t).

131072 constant msort-n
12 constant msort-reps

create arr msort-n cells allot
create tmp msort-n cells allot
variable mid
variable hi
variable seed

: rnd ( -- u )   \ 0 .. 2^24-1
  seed @ 1103515245 * 12345 + dup seed !  8 rshift ;

: fill-arr ( -- )  msort-n 0 do  rnd arr i cells + !  loop ;

: tmp@ ( k -- x )  cells tmp + @ ;

: merge ( lo -- )   \ tmp[lo, mid) and tmp[mid, hi) into arr[lo, hi)
  mid @  hi @ 2 pick do                        ( i j )
    over mid @ < if
      dup hi @ < if  over tmp@ over tmp@ >  else  false  then
    else  true  then                            ( i j right? )
    if    dup 1+ swap tmp@
    else  over tmp@  rot 1+ rot rot  then       ( i' j' x )
    arr i cells + !
  loop
  2drop ;

: msort ( lo hi -- )   \ sort arr[lo, hi)
  2dup swap - 2 < if  2drop exit  then
  2dup + 2/ >r                                  ( lo hi ) ( R: m )
  over r@ recurse  r@ over recurse
  hi !  r> mid !                                ( lo )
  dup hi @ over - cells >r  cells dup arr + swap tmp +  r> move
  merge ;

: check ( -- u )
  0  msort-n 0 do  arr i cells + @  i 1+ *  +  loop
  msort-n 1- 0 do  arr i cells + @  arr i 1+ cells + @  > if 1000 + then  loop ;

: main ( -- )
  2718 seed !
  0  msort-reps 0 do  fill-arr  0 msort-n msort  check +  loop
  . cr ;
