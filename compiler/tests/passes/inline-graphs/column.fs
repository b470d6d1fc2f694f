\ A word with a loop of its own, called inside a loop: its blocks are pasted
\ and the jump chains merged, so the caller has one nest of two loops
\ whose inner loop is one block.
8 constant n
create m n n * cells allot
create out n cells allot
: column-sum ( col -- s )
  0 swap cells m +  dup n n * cells +  swap do  i @ +  n cells +loop ;
: column-sums ( -- )  n 0 do  i column-sum  out i cells + !  loop ;
