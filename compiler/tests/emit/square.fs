\ A static word takes and returns its items as wasm values: DUP * is one
\ i32.mul of the parameter by itself.
: square ( n -- n*n ) dup * ;
