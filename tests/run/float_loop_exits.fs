\ Float loops left early, by EXIT and by LEAVE, and loops that never run:
\ the floats they keep in locals go back to the float stack on every way out.
fvariable c-re  fvariable c-im
: escapes ( -- n ) \ iterations of z := z*z + c before |z| > 2, at most 50
  0e 0e 50 0 do
    fover fdup f* fover fdup f* f+ 4e f> if fdrop fdrop i unloop exit then
    fover fover f* 2e f* c-im f@ f+ frot fdup f* frot fdup f* f- c-re f@ f+ fswap
  loop fdrop fdrop 50 ;
: row ( im -- ) ( F: -- ) c-im f! 12 0 do i s>f 6e f/ 1.5e f- c-re f! escapes 3 .r loop cr ;
: grid ( -- ) 5 0 do i s>f 4e f/ 0.5e f- row loop ;
grid
\ LEAVE after the running sum passes a bound; the sum stays on the stack.
: sum-until ( n -- ) ( F: bound -- sum ) 0e 0 ?do i s>f f+ fover fover f< if leave then loop fnip ;
20e 100 sum-until f. cr
1e 0 sum-until f. cr
: count-down ( n -- ) ( F: r -- r' ) 0 ?do 0.5e f* loop ;
8e 3 count-down f. 8e 0 count-down f. fdepth . cr
