\ Reductions over cell arrays that -O2 and -O3 run four trips at a time
\ with wasm SIMD: sums, extremes, logic, dot products (indexed, walking two
\ addresses, with the sum on the return stack) and strided walks, at trip
\ counts around the vector width and on unaligned bases.
create xs 64 cells allot
create ys 64 cells allot
: fill-xs ( -- )
  64 0 do  i 37 * 11 xor 500 -  xs i cells + !  i i * 7 -  ys i cells + !  loop ;
: sum ( addr n -- s )  0 -rot  cells over + swap ?do  i @ +  1 cells +loop ;
: isum ( addr n -- s )  0 swap 0 ?do  over i cells + @ +  loop nip ;
: biggest ( addr n -- m )  over @ -rot  cells over + swap ?do  i @ max  1 cells +loop ;
: smallest ( addr n -- m )  over @ -rot  cells over + swap ?do  i @ min  1 cells +loop ;
: bits ( addr n -- x )  0 swap 0 ?do  over i cells + @ i xor  xor  loop nip ;
: positives ( addr n -- c )  0 -rot  cells over + swap ?do  i @ 0> -  1 cells +loop ;
: weigh ( addr n -- s )  0 swap 0 ?do  over i cells + @  i 1+ *  +  loop nip ;
: dot ( a1 a2 n -- s )  \ walks a2 by address, a1 by CELL+
  cells over + swap  rot 0 swap 2swap  ?do  i @ over @ *  rot +  swap cell+  1 cells +loop  drop ;
: dot-r ( a1 a2 n -- s )  \ the sum kept on the return stack
  0 swap 0 ?do  >r  over @ over @ *  r> +  >r  cell+ swap cell+ swap  r>  loop nip nip ;
: every-3rd ( addr n -- s )  0 -rot  3 * cells over + swap ?do  i @ +  3 cells +loop ;
: down ( addr n -- s )  0 -rot  1- cells over + ?do  i @ +  -1 cells +loop ;
: row ( addr n -- )
  2dup sum .  2dup isum .  2dup biggest .  2dup smallest .  2dup bits .
  2dup positives .  2dup weigh .  2dup ys swap dot .  2dup ys swap dot-r .
  2dup 20 min every-3rd .  dup 0> if 2dup down . then  2drop ;
: main
  fill-xs
  18 0 do  cr i 2 .r ." : "  xs i row  loop
  cr ." 64: " xs 64 row
  cr ." unaligned 33: " xs 1+ 33 row
  cr ." unaligned 47: " xs 3 + 47 row  cr ;
main
