\ A transpose times a vector as Forth factors it: the column walk is a word
\ of its own, pasted into the outer loop (inline-graphs), so the nest runs
\ four columns at a time.
8 constant n
create m n n * cells allot
create y n cells allot
create z n cells allot
: column*y ( col -- s )
  0 y  rot cells m +  dup n n * cells +  swap do
    i @ over @ *  rot +  swap cell+
  n cells +loop
  drop ;
: at*y ( -- )  n 0 do  i column*y  z i cells + !  loop ;
