\ Counting letters of a buffer in a counted loop: the buffer's base becomes
\ the byte load's offset (the index is in 0..64), and the histogram's base
\ minus 4 * 'a' becomes the offset of +! (the byte is in 0..255).
create buf 64 allot
create counts 256 cells allot
: histogram ( -- ) 64 0 do  buf i + c@  [char] a - cells counts +  1 swap +!  loop ;
