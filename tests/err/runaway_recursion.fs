\ args: --timeout 0.3
\ Recursion with two calls per activation and no loop of its own, which
\ would run for centuries, is stopped by the time limit.
: t ( n -- ) dup 0> if 1- dup recurse recurse exit then drop ;
60 t
