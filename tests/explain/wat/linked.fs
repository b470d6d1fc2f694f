\ explain --wat MAIN
\ The code view shows a word as the linked image holds it. BIG is too
\ big to be inlined while compiling (more than 24 ops), so MAIN's batch
\ code calls it; but MAIN is its one caller in the whole program, so the
\ linker pastes it there: MAIN's multiplies are BIG's, marked `big`.
: big ( n -- n' )
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+ ;
variable result
: main ( -- ) result @ big result ! ;
