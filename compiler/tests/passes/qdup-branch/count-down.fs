\ ?DUP in a loop test keeps the word's effect static.
: steps ( n -- k ) 0 swap begin ?dup while 1- swap 1+ swap repeat ;
