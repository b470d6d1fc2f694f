\ Absolute value written with a branch.
: magnitude ( n -- u ) dup 0< if negate then ;
