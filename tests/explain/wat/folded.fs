\ explain --wat MAIN
\ Pasted at link time into MAIN, BIG's arithmetic on a literal folds into
\ one constant, which only the linked image has (the stack cache emits it
\ where `!` takes it, so it is marked `!`).
: big ( n -- n' )
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+
  dup * 1+ dup * 1+ dup * 1+ dup * 1+ dup * 1+ ;
variable result
: main ( -- ) 3 big result ! ;
