\ Vector loops of every length from 0 to 40, so that the chunks of four
\ trips run zero, one, two (one wasm loop trip) and an odd number of
\ times, with one to four scalar trips after them: a sum, a dot product,
\ a map that stores, and column sums of a matrix (a loop nest).
create a 64 cells allot
create b 64 cells allot
: fill-ab ( -- )
  64 0 do  i 7 * 13 mod 6 -  a i cells + !  i 3 * 5 mod 2 -  b i cells + !  loop ;
: sum ( n -- s )   0 swap 0 ?do  a i cells + @ +  loop ;
: dot ( n -- s )   0 swap 0 ?do  a i cells + @  b i cells + @ *  +  loop ;
: scale ( n -- )   0 ?do  a i cells + @ 3 *  b i cells + !  loop ;
: bsum ( n -- s )   0 swap 0 ?do  b i cells + @ +  loop ;
: sums ( -- )   41 0 do  i .  i sum .  i dot .  cr  loop ;
: scales ( -- )   41 0 do  fill-ab  i scale  i bsum .  loop cr ;

24 constant ncols
create m ncols ncols * cells allot
create colsum 24 cells allot
: fill-m ( -- )   ncols ncols * 0 do  i 5 * 11 mod 5 -  m i cells + !  loop ;
: column-sums ( rows -- )   \ the sum of the first ROWS (> 0) cells of every column
  ncols 0 do
    0  over 0 do  m  i ncols * j +  cells + @  +  loop
    colsum i cells + !
  loop drop ;
: columns ( -- )
  fill-m  ncols 0 do  i 1+ column-sums  0  ncols 0 do  colsum i cells + @ i 1+ * +  loop .  loop cr ;

fill-ab sums scales columns
