\ A small counted loop runs four bodies per back edge.
: sum-to ( n -- s ) 0 swap 0 ?do i + loop ;
