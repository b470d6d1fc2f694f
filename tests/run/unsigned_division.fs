\ unsigned_division.fs -- floored / MOD /MOD on values the range analysis
\ (compiler/src/passes/ranges.rs) proves non-negative become unsigned
\ divisions; values that may be negative keep the floored ones.

create bytes 256 allot
: fill-bytes ( -- )  256 0 do  i 37 * 11 + 255 and  bytes i + c!  loop ;

\ Adler-32 over the buffer: both sums stay in 0..65520 across the loop.
: adler ( addr u -- n )
  1 0 2swap  over + swap  ?do
    swap  i c@ +  65521 mod
    tuck +  65521 mod
  loop  16 lshift or ;

\ A sum of bytes reduced by a power of two, a non-constant positive divisor
\ and /MOD; the divisor comes from a masked loop index plus one.
: reduce ( -- n )
  0  256 0 do
    bytes i + c@ +  4096 mod
    dup  i 15 and 1+  /mod  +  +
    2147483647 and
  loop ;

\ A loop index counting up from 0 is non-negative; one counting down from
\ a negative start is not.
: up   ( -- n )  0  100 0 do  i 7 / +  i 7 mod +  loop ;
: down ( -- n )  0  -100 0 do  i 7 / +  i 7 mod +  -1 +loop ;

\ The same code on a value that starts negative: MOD and / must floor.
: neg-sum ( n -- n' )  10 0 do  dup 3 mod +  dup 5 / +  loop ;

\ A counter that grows every trip is widened and might wrap: still floored.
: count-mod ( n -- n' )  0 swap  begin  dup while  swap 1+ swap 1-  repeat  drop  1000 mod ;

\ A DO loop that starts past its limit runs on through the largest cell to
\ negative indices: its index is not taken as non-negative (-2147483648 3
\ MOD is 1, where an unsigned remainder would give 2).
: wrap ( -- n )  0  0 2147483646 do  i 3 mod +  i 0< if leave then  loop ;

fill-bytes
bytes 256 adler . cr
reduce . cr
up . down . cr
-1000 neg-sum .  1000 neg-sum . cr
12345 count-mod . cr
wrap . cr
-7 2 / . -7 2 mod . 7 2 / . 7 2 mod . cr
