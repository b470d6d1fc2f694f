\ Kernighan's loop: clear the lowest set bit until none is left.
: bits ( x -- n ) 0 swap begin ?dup while dup 1- and swap 1+ swap repeat ;
