\ Words with a counted loop of their own, called inside a caller's loop:
\ the inliner pastes them there, so the two loops become one nest.

create grid 12 12 * cells allot
: grid-fill ( -- )  144 0 do  i 7 * 13 mod 6 -  grid i cells + !  loop ;
grid-fill

\ A column walk by +LOOP, factored into a word, as a matrix transpose
\ times a vector is written.
: column-sum ( col -- n )
  0 swap cells grid +  dup 12 12 * cells +  swap do  i @ +  12 cells +loop ;
: column-sums ( -- )  12 0 do  i column-sum .  loop cr ;
column-sums

\ A row sum, called with an index of the caller's loop.
: row-sum ( row -- n )  12 cells * grid +  0 swap  12 0 do  dup i cells + @ rot + swap  loop  drop ;
: row-sums ( -- )  12 0 do  i row-sum .  loop cr ;
row-sums

\ Both in one loop body, and the caller's index used after each.
: both ( -- )  12 0 do  i row-sum i column-sum -  i +  .  loop cr ;
both

\ ?DO with an empty range, LEAVE, and UNLOOP EXIT inside the callee.
: first-neg ( row -- col|-1 )
  12 cells * grid +  12 0 ?do  dup i cells + @ 0< if  drop i unloop exit  then  loop  drop -1 ;
: first-negs ( -- )  12 0 do  i first-neg .  loop cr ;
first-negs
: count-to ( n -- c )  0 swap 0 ?do  1+  i 5 = if leave then  loop ;
: counts ( -- )  9 0 do  i count-to .  loop cr ;
counts

\ A negative step, and a callee whose loop runs zero times.
: down ( n -- s )  0 swap  0 swap ?do  i +  -1 +loop ;
: downs ( -- )  6 0 do  i down .  loop cr ;
downs

\ The same word twice per trip, in a loop nest of the caller's own (J).
: cube-sum ( n -- s )  0 swap 0 ?do  i i * i * +  loop ;
: nest ( -- )  4 0 do  3 0 do  j i + cube-sum  i cube-sum +  .  loop  loop cr ;
nest

\ The pasted loop inside a BEGIN loop of the caller.
: halves ( n -- )  begin  dup cube-sum .  2/ dup 0= until drop cr ;
100 halves
