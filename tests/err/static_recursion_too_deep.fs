\ Recursion with a static effect, whose copies the optimizer pastes into
\ itself, still ends in the same clean error when it goes too deep.
: down ( n -- n ) dup 0> if 1- recurse 1+ then ;
100000000 down .
