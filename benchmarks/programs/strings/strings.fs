\ strings: string processing over a 64 KiB text of random lower-case words
\ (1 to 8 letters, single spaces) made by a 32-bit LCG. Each of STRINGS-REPS
\ passes: counts the words and the letter frequencies; reverses every word in
\ place (so the text alternates between two states); compares each word with
\ the one before it (own byte-by-byte compare, -1/0/1; COMPARE is not used);
\ copies the text with MOVE, upper-cases the copy and hashes it (djb2).
\ Everything is folded into one checksum with h = h*31 + x, wrapping modulo
\ 2^32 (the C twin, strings.c, uses uint32_t).

65536 constant tsize
900 constant strings-reps

create text tsize allot
create text2 tsize allot
create freq 26 cells allot
variable seed
variable pa   variable pu   variable acc

: rnd ( -- u )   \ 0 .. 65535
  seed @ 1103515245 * 12345 + dup seed !  16 rshift ;

: gen-text ( -- )
  text tsize bl fill
  0                                     ( pos )
  begin
    rnd 8 mod 1+                        ( pos len )
    2dup + 1+ tsize <
  while
    0 ?do  rnd 26 mod [char] a +  over text + c!  1+  loop
    1+                                  \ skip the space
  repeat 2drop ;

: scan-text ( -- words )   \ also fills freq
  freq 26 cells erase
  0 bl                                  ( count prev )
  tsize 0 do
    text i + c@                         ( count prev c )
    dup bl <> if
      dup [char] a - cells freq +  1 swap +!
      swap bl = if  swap 1+ swap  then
    else
      nip
    then
  loop drop ;

: reverse ( addr len -- )
  1- over +                             ( lo hi )
  begin 2dup < while
    over c@ over c@  3 pick c!  over c!
    swap 1+ swap 1-
  repeat 2drop ;

: word-end ( pos -- pos' )
  begin dup tsize < while
    dup text + c@ bl = if exit then
    1+
  repeat ;

: reverse-words ( -- )
  0 begin dup tsize < while
    dup text + c@ bl = if
      1+
    else
      dup word-end                      ( start end )
      tuck over -                       ( end start len )
      swap text + swap reverse          ( end )
    then
  repeat drop ;

: signum ( n -- -1|0|1 )
  dup 0< if drop -1 else 0<> 1 and then ;

: str-compare ( a1 u1 a2 u2 -- n )
  rot 2dup 2>r min                      ( a1 a2 m )  ( R: u2 u1 )
  0 ?do
    over i + c@  over i + c@  -  ?dup if
      nip nip  0< if -1 else 1 then
      unloop 2r> 2drop exit
    then
  loop
  2drop 2r> swap - signum ;

: compare-words ( -- u )
  0 acc !  text pa !  0 pu !
  0 begin dup tsize < while
    dup text + c@ bl = if
      1+
    else
      dup word-end                      ( start end )
      swap over over -                  ( end start len )
      swap text + swap                  ( end a u )
      2dup pa @ pu @ 2swap str-compare 1+  acc @ 3 * +  acc !
      pu ! pa !
    then
  repeat drop acc @ ;

: upper-hash ( -- u )
  text text2 tsize move
  tsize 0 do
    text2 i +  dup c@
    dup [char] a [char] z 1+ within if 32 - then
    swap c!
  loop
  5381  tsize 0 do  33 *  text2 i + c@ +  loop ;

: pass ( h -- h' )
  31 * scan-text +
  31 *  0  26 0 do  freq i cells + @  i 1+ *  +  loop  +
  reverse-words
  31 * compare-words +
  31 * upper-hash + ;

: main ( -- )
  4242 seed !
  gen-text
  0  strings-reps 0 do pass loop  . cr ;
