\ hash: 32-bit FNV-1a over a 2 MiB buffer filled with bytes from a 32-bit LCG,
\ HASH-REPS passes chained (each pass starts from the previous hash). All
\ arithmetic wraps modulo 2^32 (the C twin, hash.c, uses uint32_t).

2097152 constant hsize
100 constant hash-reps

create buf hsize allot

: fill-buf ( -- )
  2024  hsize 0 do
    1103515245 * 12345 +  dup 24 rshift  buf i + c!
  loop drop ;

: fnv ( h addr len -- h' )
  over + swap ?do  i c@ xor  16777619 *  loop ;

: main ( -- )
  fill-buf
  -2128831035                   \ FNV offset basis 2166136261 as a signed cell
  hash-reps 0 do  buf hsize fnv  loop
  . cr ;
