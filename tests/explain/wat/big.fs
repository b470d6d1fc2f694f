\ explain --wat BIG
\ A word inlined at link time says so: its function stays in the image
\ (its xt may be EXECUTEd), but MAIN no longer calls it.
: big ( n -- n' )
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+ ;
variable result
: main ( -- ) result @ big result ! ;
