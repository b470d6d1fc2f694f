\ Euclid's algorithm by a self tail call.
: gcd ( a b -- g ) ?dup if tuck mod recurse then ;
