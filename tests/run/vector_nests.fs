\ Loop nests that -O2 and -O3 run four outer trips at a time with wasm
\ SIMD, each lane running a whole inner loop: matrix products (i-j-k order,
\ a column walked in the inner loop), a transpose times a vector (+LOOP by
\ a row), column sums, extremes and differences, at sizes around the
\ vector width, on unaligned bases, and with a result stored over the
\ cells the inner loops read (which must give the scalar loops' results).
12 constant n
n cells constant row
create ma n n * cells allot
create mb n n * cells allot
create mc n n * cells allot
create vy n cells allot
create vz n cells allot
: fill-all ( -- )  mc n n * cells erase
  n 0 do
    n 0 do
      j 7 * i 13 * + 97 mod 48 -  ma j row * + i cells + !
      j 11 * i 5 * + 89 mod 44 -  mb j row * + i cells + !
    loop
    i 3 * 5 -  vy i cells + !
  loop ;
: show ( addr u -- )  0 ?do  dup i cells + @ .  loop drop ;
\ mc := ma * mb for the top-left m x m corners, inner length k.
: mmul ( m k -- )
  swap dup 0 ?do
    dup 0 do
      ma j row * +  mb i cells +  0      ( k pa pb sum )
      4 pick 0 do
        >r  over @ over @ *  r> +
        >r  row +  swap cell+ swap  r>
      loop nip nip
      mc j row * + i cells + !
    loop
  loop 2drop ;
\ vz := transpose(ma) vy over the first m columns and k rows.
: at*y ( m k -- )
  swap 0 ?do
    0 vy  ma i cells +  dup 4 pick row * +  swap do
      i @ over @ *  rot +  swap cell+
    row +loop
    drop  vz i cells + !
  loop drop ;
\ The sum of the column sums of the first m columns, k rows.
: colsums ( m k -- s )
  0 rot 0 ?do
    0  2 pick 0 do  ma i row * + j cells + @  j * +  loop
    +
  loop nip ;
\ The largest cell of each column, from the column's first cell.
: colmax ( m k -- )
  swap 0 ?do
    ma i cells + @  over 0 do  ma i row * + j cells + @  max  loop
    vz i cells + !
  loop drop ;
\ 1000 minus the column's cells.
: coldiff ( m k -- )
  swap 0 ?do
    1000  over 0 do  ma i row * + j cells + @  -  loop
    vz i cells + !
  loop drop ;
\ Column sums stored into row 0 of ma itself: each trip stores a cell that
\ later trips read.
: in-place ( m -- )
  dup 0 ?do
    0  over 0 do  ma i row * + j cells + @  +  loop
    ma i cells + !
  loop drop ;
: colsum-at ( addr m k -- s )  \ the column sums of the matrix at addr
  -rot  0 -rot  0 ?do
    0  3 pick 0 do  over i row * + j cells + @ +  loop
    rot + swap
  loop drop nip ;
: main
  fill-all
  10 1 do  cr i . ." : " i n mmul  mc i show  mc row + i show  loop
  cr ." k=1: " 7 1 mmul mc 7 show
  cr ." k=5: " 9 5 mmul mc row 2 * + 9 show
  12 1 do  cr ." at*y " i . ." : " i n at*y  vz i show  loop
  cr ." colsums: " 13 1 do  i n colsums .  i 3 colsums .  loop
  cr ." colmax: " 11 n colmax  vz 11 show
  cr ." coldiff: " 9 7 coldiff  vz 9 show
  cr ." in-place: " 9 in-place  ma 9 show
  cr ." unaligned: " ma 1+ 9 5 colsum-at .  ma 3 + 5 9 colsum-at .  ma 2 + 11 11 colsum-at .  cr ;
main
