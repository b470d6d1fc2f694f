\ adler: the Adler-32 checksum of a 64 KiB buffer of LCG bytes, ADLER-REPS
\ times, each pass over a window that starts 0 to 255 bytes in and ends as
\ far before the end. The two running sums stay on the stack and are
\ shuffled every byte (SWAP I C@ + ... TUCK + ...), reduced modulo 65521
\ at each step as the definition of Adler-32 says. Checksum: h = h*31 +
\ adler over all passes, wrapping modulo 2^32 (the C twin, adler.c, uses
\ uint32_t); the LCG wraps too.

65536 constant buf-size
1600 constant adler-reps
65521 constant adler-mod

create buf buf-size allot
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: fill-buf ( -- )
  buf-size 0 do  rnd 24 rshift  buf i + c!  loop ;

: adler32 ( addr u -- checksum )
  1 0 2swap  over + swap  ?do          ( a b )
    swap  i c@ +  adler-mod mod        ( b a' )
    tuck +  adler-mod mod              ( a' b' )
  loop
  16 lshift or ;

: main ( -- )
  12345 seed !  fill-buf
  0  adler-reps 0 do
    31 *
    i 255 and  buf over +  buf-size rot 2* -  adler32
    +
  loop
  . cr ;
