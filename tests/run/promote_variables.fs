\ promote_variables.fs -- fetches of VARIABLEs and VALUEs in loops kept in
\ locals (compiler/src/passes/promote.rs): hoisted when nothing in the loop
\ can store to them, forwarded from stores to them; left in the loop when a
\ store through a computed address, a call, C!, MOVE or a store that
\ overlaps the cell may change them.

variable v  variable w
create buf 8 cells allot  buf 8 cells erase
create src 99 ,
0 value cnt

\ Nothing in the loop stores to v.
: t1 ( -- )  7 v !  0  5 0 do  v @ i * +  dup w !  loop  . w @ . ;
\ Stores to v are forwarded to the next fetch.
: t2 ( -- )  1 v !  6 0 do  v @ 2* v !  loop  v @ . ;
\ A store through an address computed from the index hits v's cell on
\ some trips (buf's first cell plays the variable).
: t3 ( -- )  10 buf !  5 0 do  buf @ 1+  buf i 2/ cells + !  loop
  buf @ . buf cell+ @ . buf 2 cells + @ . ;
\ A store through an address the caller passes, which is v's.
: t4 ( addr -- )  0 v !  3 0 do  v @ 1+ over !  loop  drop  v @ . ;
\ C! into v's low byte.
: t5 ( -- )  0 v !  3 0 do  v @ 1+ v c!  loop  v @ . ;
\ A word that stores to v, called directly and through EXECUTE.
: bump ( -- )  1 v +! ;
: t6 ( -- )  0 v !  4 0 do  v @ .  bump  loop  3 0 do  v @ .  ['] bump execute  loop ;
\ TO of a VALUE inside the loop.
: t7 ( -- )  0 to cnt  5 0 do  cnt 1+ to cnt  cnt .  loop ;
\ MOVE into v.
: t8 ( -- )  5 v !  3 0 do  v @ .  src v 1 cells move  loop ;
\ Nested loops with the fetch in the inner one.
: t9 ( -- )  3 v !  0  5 0 do  4 0 do  v @ +  loop  loop . ;
\ +! forwarded, then fetched in the same trip.
: t10 ( -- )  0 v !  5 0 do  i v +!  v @ .  loop ;
\ Memory is up to date when the loop is left early.
: t11 ( -- )  0 v !  10 0 do  v @ 1+ v !  v @ 3 = if leave then  loop  v @ . ;
\ ... and when it ends with a THROW.
: t12 ( -- )  0 v !  10 0 do  v @ 1+ v !  v @ 4 = if 99 throw then  loop ;
\ A 2! whose second cell is the variable (buf's second cell).
: t13 ( -- )  0 buf cell+ !  3 0 do  buf cell+ @ 1+  0  buf 2!  loop  buf cell+ @ . ;
\ t7 and t10 without the calls (.) that keep the fetches in the loop.
: t14 ( -- )  0 to cnt  0  5 0 do  cnt 1+ to cnt  cnt +  loop  . cnt . ;
: t15 ( -- )  0 v !  0  5 0 do  i v +!  v @ +  loop  . v @ . ;

t1 cr t2 cr t3 cr v t4 cr t5 cr t6 cr t7 cr t8 cr t9 cr t10 cr t11 cr
' t12 catch . v @ . cr
t13 cr
t14 cr t15 cr
