\ Loops that -O3 runs with wasm SIMD (passes/vectorize.rs), checked against
\ -O0 by opt_equivalence.rs: every reduction and map idiom at trip counts
\ around the vector width (0 to 17 and 1000), on bases at each byte offset,
\ maps whose destination overlaps their source at distances from -16 to
\ +17 bytes, steps up and down, and loops that run off the end of memory
\ (which must fault on the same cell, with the same cells stored before).
\ `dotr` uses I after >R, which gforth reads differently: this program is
\ compared between optimization levels only.
create buf 1200 cells allot
create dst 1200 cells allot
variable seed  1 seed !
: rnd ( -- u )  seed @ 1103515245 * 12345 + dup seed !  8 rshift ;
: refill-bufs ( -- )  1200 0 do rnd 2000 mod 1000 -  buf i cells + ! loop
  1200 0 do i 7 * dst i cells + ! loop ;
: h. ( n -- )  . ;
: vsum ( addr n -- s )  0 -rot cells over + swap ?do i @ + 1 cells +loop ;
: isum ( addr n -- s )  0 swap 0 ?do over i cells + @ + loop nip ;
: vmax ( addr n -- m )  over @ -rot cells over + swap ?do i @ max 1 cells +loop ;
: vmin ( addr n -- m )  over @ -rot cells over + swap ?do i @ min 1 cells +loop ;
: vxor ( addr n -- x )  0 swap 0 ?do over i cells + @ i xor xor loop nip ;
: vor  ( addr n -- x )  0 swap 0 ?do over i cells + @ 255 and or loop nip ;
: vand ( addr n -- x )  -1 swap 0 ?do over i cells + @ 1023 or and loop nip ;
: vsub ( addr n -- x )  0 swap 0 ?do over i cells + @ - loop nip ;
: vmul ( addr n -- x )  1 swap 0 ?do over i cells + @ 2* 1+ * loop nip ;
: vcount ( addr n -- c )  0 -rot cells over + swap ?do i @ 100 > - 1 cells +loop ;
: vmix ( addr n -- x )  0 swap 0 ?do over i cells + @ dup abs 3 rshift swap negate 2/ xor invert i 1+ * + loop nip ;
: vcmp ( addr n -- x )  0 swap 0 ?do over i cells + @ dup 0< swap 50 u< 2* + + loop nip ;
: dot ( a1 a2 n -- s )  cells over + swap rot 0 swap 2swap ?do i @ over @ * rot + swap cell+ 1 cells +loop drop ;
: dotr ( a1 a2 n -- s )  0 swap 0 ?do >r over i cells + @ over i cells + @ * r> + loop nip nip ;
: stride3 ( addr n -- s )  0 -rot 3 * cells over + swap ?do i @ + 3 cells +loop ;
: stride-col ( addr n -- s )  0 swap 0 ?do over i 5 * cells + @ i * + loop nip ;
: down ( addr n -- s )  dup 0> if 0 -rot 1- cells over + ?do i @ + -1 cells +loop else 2drop 0 then ;
: down2 ( addr n -- s )  dup 0> if 0 -rot 1- cells over + do i @ 3 * + -1 cells +loop else 2drop 0 then ;
: scale ( src dst n -- )  0 ?do over i cells + @ 3 * 7 + over i cells + ! loop 2drop ;
: double ( addr n -- )  cells over + swap ?do i @ 2* i ! 1 cells +loop ;
: addto ( src dst n -- )  0 ?do over i cells + @ 5 * over i cells + +! loop 2drop ;
: map2 ( src dst n -- )  0 ?do over i cells + @ over i cells + @ - over i cells + ! loop 2drop ;
: sums ( -- s )  0 1200 0 do 31 * dst i cells + @ + loop ;
: bsum ( -- s )  0 1200 0 do 31 * buf i cells + @ + loop ;
: 3dup ( a b c -- a b c a b c ) 2 pick 2 pick 2 pick ;
: reds ( addr n -- )
  2dup vsum h. 2dup isum h. 2dup vmax h. 2dup vmin h. 2dup vxor h. 2dup vor h.
  2dup vand h. 2dup vsub h. 2dup vmul h. 2dup vcount h. 2dup vmix h. 2dup vcmp h.
  2dup dst swap dot h. 2dup dst swap dotr h. 2dup down h. 2dup down2 h.
  2dup 3 min stride3 h. 2dup 200 min stride-col h. 2drop ;
: maps ( src dst n -- )
  refill-bufs 3dup scale sums h. bsum h.
  refill-bufs 3dup addto sums h. bsum h.
  refill-bufs 3dup map2 sums h. bsum h.
  refill-bufs 3dup nip double bsum h. sums h. drop 2drop ;
create trips 0 , 1 , 2 , 3 , 4 , 5 , 7 , 8 , 9 , 15 , 16 , 17 , 1000 ,
: reductions-and-maps
  refill-bufs
  13 0 do  trips i cells + @
    4 0 do  cr ." n=" dup . ." off=" i . buf i + over reds  loop drop
  loop
  13 0 do trips i cells + @
    cr ." maps n=" dup .
    buf dst 2 pick maps
    buf 1+ dst 3 + 2 pick maps
    \ overlapping: dst a few bytes above or below src, in one array
    buf buf 4 + 2 pick maps  buf buf 1+ 2 pick maps  buf buf 8 + 2 pick maps
    buf buf 12 + 2 pick maps  buf buf 15 + 2 pick maps  buf buf 16 + 2 pick maps
    buf buf 17 + 2 pick maps  buf 4 + buf 2 pick maps  buf 16 + buf 2 pick maps
    buf 15 + buf 2 pick maps  buf buf 2 pick maps
    drop
  loop cr ;

\ Off the end of the default 16 MiB memory: the scalar loop faults on the
\ first cell past the end, after storing the cells before it.
16777216 constant memend
: wfill ( addr n -- )  cells over + swap ?do i i ! 1 cells +loop ;
: wmap ( src dst n -- )  0 ?do over i cells + @ 1+ over i cells + ! loop 2drop ;
: show ( addr n -- )  0 ?do dup i cells + @ . loop drop ;
: faults
  cr memend 40 - 20 ['] vsum catch . 2drop  memend 40 - 10 vsum .
  cr memend 24 - 12 ['] wfill catch . 2drop  memend 24 - 6 show
  cr memend 64 - memend 24 - 12 ['] wmap catch . 2drop drop  memend 24 - 6 show
  cr memend 64 - 16 vsum .  memend 65 - 16 vsum .
  cr memend 63 - 16 ['] vsum catch . 2drop  memend 61 - 16 ['] vmax catch . 2drop
  cr memend 60 - 16 ['] stride3 catch . 2drop  memend 24 - 8 ['] down catch . 2drop cr ;
: main  reductions-and-maps faults ;
