\ Constant bases folded into loads and stores (passes/address_offset.rs):
\ a squares indexed by a masked value, bytes read and written at a counted
\ loop's index (unrolled, so the copies read I plus a constant), a
\ histogram whose index is a letter minus 'a', and `1+ CELLS`, `CELL+` and
\ `CHAR+` addresses. Addresses below a base (a negative index) keep their
\ wrapping +, and give the same results as everywhere else.
create squares 16 cells allot
create bytes 40 allot
create counts 26 cells allot

: fill-table ( -- ) 16 0 do  i i * 7 +  squares i cells + !  loop ;
: square@ ( x -- y ) 15 and cells squares + @ ;
: fill-bytes ( -- ) 40 0 do  i 3 * 97 +  bytes i + c!  loop ;
: sum-bytes ( -- n ) 0  40 0 do  bytes i + c@ +  loop ;
: shifted-sum ( -- n ) 0  39 0 do  bytes i 1+ + c@ +  bytes i char+ + c@ -  loop ;
: histogram ( -- )
  counts 26 cells erase
  40 0 do  bytes i + c@ 26 mod [char] a +  [char] a - cells counts +  1 swap +!  loop ;
: pairs ( -- n ) 0  15 0 do  squares i 1+ cells + @  squares i cells + cell+ @ -  +  loop ;
: show-counts ( -- ) 26 0 do  counts i cells + @ .  loop ;
: below ( i -- c ) bytes + c@ ;   \ i may be negative: no offset
: clear-odd ( -- ) 40 0 do  0 i bytes + c!  2 +loop ;

fill-table fill-bytes
5 square@ . 21 square@ . 15 square@ .
sum-bytes . shifted-sum . pairs .
histogram show-counts cr
0 below .  39 below .  -1 bytes 1+ + c@ .
clear-odd sum-bytes . cr
