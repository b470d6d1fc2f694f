\ loops: counted loops with DO, and loops with a condition.

: table ( n -- )  1+ 1 do  i 4 .r  i i * 6 .r  cr  loop ;
5 table

\ +LOOP steps by any amount; I is the index.
: evens ( -- )  20 0 do  i .  4 +loop cr ;
evens

\ BEGIN ... WHILE ... REPEAT: the Collatz steps of a number.
: collatz ( n -- steps )  0 swap begin dup 1 <> while
    dup 1 and if 3 * 1+ else 2/ then  swap 1+ swap  repeat drop ;
27 collatz . cr

\ LEAVE ends a loop early: the first square above a limit.
: first-square-over ( n -- m )  0 swap 100 1 do  i i * over > if drop i leave then  loop ;
50 first-square-over . cr
