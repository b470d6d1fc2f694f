\ Kernighan's bit-counting loop (clear the lowest set bit until none is
\ left) becomes one population count from -O1; every spelling must still
\ count as the loop does, for zero, negative numbers and all bits.

: kernighan ( x -- n ) 0 swap begin dup while dup 1- and swap 1+ swap repeat drop ;
: kernighan2 ( x -- n ) 0 swap begin dup while swap 1+ swap dup 1 - and repeat drop ;
\ Not the idiom: counts down, so it must stay a loop (and give x).
: countdown ( x -- n ) 0 swap begin dup while 1- swap 1+ swap repeat drop ;
\ The count continues from what is below.
: add-bits ( n x -- n' ) begin dup while dup 1- and swap 1+ swap repeat drop ;

0 kernighan . 1 kernighan . 255 kernighan . 256 kernighan . -1 kernighan . cr
-2147483648 kernighan . 1431655765 kernighan . 12345 kernighan2 . -7 kernighan2 . cr
0 countdown . 5 countdown . 1000 countdown . cr
10 7 add-bits . 100 -1 add-bits . cr
: sum-bits ( n -- s ) 0 swap 0 ?do i kernighan + loop ;
1000 sum-bits . cr
