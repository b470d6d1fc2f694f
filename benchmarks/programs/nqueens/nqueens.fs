\ nqueens: count the solutions of the N-queens problem by recursive
\ backtracking, with the occupied columns and diagonals as byte arrays in
\ memory; NQ-REPS times; MAIN prints the total count. C twin: nqueens.c

13 constant nq
3 constant nq-reps

create qcols nq allot
create d1 nq 2* allot
create d2 nq 2* allot
variable solutions

: free? ( row col -- f )
  dup qcols + c@ >r
  2dup + d1 + c@ r> or >r
  - nq + d2 + c@ r> or  0= ;

: mark ( row col c -- )
  >r
  dup qcols + r@ swap c!
  2dup + d1 + r@ swap c!
  - nq + d2 + r> swap c! ;

: queen ( row -- )
  dup nq = if drop 1 solutions +! exit then
  nq 0 do
    dup i free? if
      dup i 1 mark
      dup 1+ recurse
      dup i 0 mark
    then
  loop drop ;

: main ( -- )
  qcols nq erase  d1 nq 2* erase  d2 nq 2* erase
  0 solutions !
  nq-reps 0 do 0 queen loop
  solutions @ . cr ;
