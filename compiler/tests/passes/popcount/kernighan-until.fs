\ The same count with the count kept below.
: ones ( x -- n ) 0 swap begin dup while dup 1- and swap 1+ swap repeat drop ;
