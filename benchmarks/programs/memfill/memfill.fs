\ memfill: memory fill and copy over a 2 MiB buffer, MEMFILL-REPS passes.
\ Each pass fills the buffer with one byte value (FILL), stores 16 marker
\ bytes, shifts the whole buffer up by 1 byte and down by 3 bytes
\ (overlapping MOVE), copies 1 MiB from the upper half to the bottom, clears
\ 5000 bytes (ERASE) and copies 64 Ki cells one by one with a DO loop.
\ Checksum: h = h*31 + byte, sampling every 4093rd byte after each pass,
\ wrapping modulo 2^32 (the C twin, memfill.c, uses uint32_t).

2097152 constant msize
msize 2/ constant half
65536 constant ncells
5000 constant memfill-reps

create buf msize allot

: cellcopy ( src dst n -- )
  0 ?do  over i cells + @  over i cells + !  loop 2drop ;

: pass ( r -- )
  buf msize  2 pick 7 * 1+ 255 and  fill
  16 0 do  dup i +  buf i 4099 * + 2 pick + c!  loop
  buf  buf 1+  msize 1-  move
  buf half +  buf  half 2/  move
  buf 3 +  buf  msize 3 -  move
  buf 1000 +  5000 erase
  buf  buf half + 16 cells +  ncells cellcopy
  drop ;

: sample ( h -- h' )
  msize 0 do  31 *  buf i + c@ +  4093 +loop ;

: main ( -- )
  0  memfill-reps 0 do  i pass sample  loop  . cr ;
