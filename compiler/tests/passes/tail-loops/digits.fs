\ Counting digits by recursion in tail position.
: digits ( n count -- count' ) swap 10 / dup 0= if drop 1+ exit then swap 1+ recurse ;
