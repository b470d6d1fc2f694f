\ crc32: table-driven CRC-32 (reflected, polynomial 0xEDB88320, as in zlib)
\ over a 1 MiB buffer of LCG bytes, CRC-REPS passes chained (each pass starts
\ from the previous CRC). The table is built bit by bit first. All arithmetic
\ wraps modulo 2^32 (the C twin, crc32.c, uses uint32_t).

1048576 constant csize
200 constant crc-reps
-306674912 constant poly        \ 0xEDB88320 as a signed cell

create buf csize allot
create crctab 256 cells allot

: make-table ( -- )
  256 0 do
    i  8 0 do
      dup 1 and if  1 rshift poly xor  else  1 rshift  then
    loop
    crctab i cells + !
  loop ;

: fill-buf ( -- )
  7  csize 0 do
    1664525 * 1013904223 +  dup 24 rshift  buf i + c!
  loop drop ;

: crc ( crc addr len -- crc' )
  >r >r invert r> r>
  over + swap ?do
    dup i c@ xor 255 and cells crctab + @  swap 8 rshift xor
  loop
  invert ;

: main ( -- )
  make-table
  0 s" 123456789" crc           \ $CBF43926
  fill-buf
  crc-reps 0 do  buf csize crc  loop
  . cr ;
