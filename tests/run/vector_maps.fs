\ Element-wise maps over cell arrays that -O2 and -O3 run four trips at a
\ time with wasm SIMD (y := a*x + y, in-place doubling, c := a - b, a
\ clamp with MIN/MAX), at trip counts around the vector width, and on
\ arrays that overlap their source, where the vector code must give the
\ scalar loop's result (a copy one cell up smears the first cell along).
create xs 40 cells allot
create ys 40 cells allot
create zs 40 cells allot
: fill-all ( -- )
  40 0 do  i 3 * 50 -  xs i cells + !  i i * 100 -  ys i cells + !  0 zs i cells + !  loop ;
: saxpy ( a n -- )  0 ?do  dup xs i cells + @ *  ys i cells + +!  loop drop ;
: doubles ( addr n -- )  cells over + swap ?do  i @ 2*  i !  1 cells +loop ;
: diff ( n -- )  0 ?do  xs i cells + @  ys i cells + @ -  zs i cells + !  loop ;
: clamp ( src dst n -- )  0 ?do  over i cells + @ -20 max 20 min  over i cells + !  loop 2drop ;
: copy ( src dst n -- )  0 ?do  over i cells + @  over i cells + !  loop 2drop ;
: show ( addr n -- )  0 ?do  dup i cells + @ .  loop drop ;
: main
  10 0 do
    fill-all  cr i . ." : "
    3 i saxpy  ys 12 show  ." | "
    xs i doubles  xs 12 show  ." | "
    i diff  zs 12 show  ." | "
    ys zs i clamp  zs 12 show
  loop
  fill-all cr ." up one cell: "  xs xs cell+ 20 copy  xs 24 show
  fill-all cr ." up 2 bytes: "  xs xs 2 + 20 copy  xs 24 show
  fill-all cr ." down one cell: "  xs cell+ xs 20 copy  xs 24 show
  fill-all cr ." up 4 cells: "  xs xs 4 cells + 20 copy  xs 28 show
  fill-all cr ." in place: "  xs xs 20 clamp  xs 24 show  cr ;
main
