\ FPICK with a literal index is a static move within the float stack,
\ inside straight code and inside loops that keep their floats in locals;
\ a computed index still works, and an index past the stack throws -45.
: picks ( F: r7 .. r0 -- ) 0 fpick f. 1 fpick f. 3 fpick f. 7 fpick f. ;
1e 2e 3e 4e 5e 6e 7e 8e picks cr
: drain ( -- ) begin fdepth while fdrop repeat ;
drain
\ A loop that reads below its own floats with FPICK (a Horner step).
: poly ( F: x -- y ) 0e 5 0 do 1 fpick f* i s>f f+ loop fswap fdrop ;
2e poly f. cr
0.5e poly f. cr
\ A loop whose floats rotate through FPICK at two depths.
: fib3 ( n -- ) ( F: -- r ) 0e 0e 1e 0 ?do 2 fpick 2 fpick f+ 1 fpick f+ frot fdrop loop fswap fdrop fswap fdrop ;
10 fib3 f. cr
20 fib3 f. cr
\ The index computed at run time.
: dyn-pick ( n -- ) fpick ;
1e 2e 3e 2 dyn-pick f. 1 dyn-pick f. cr drain
\ Too deep, with a literal and with a computed index: -45, stack kept.
: too-deep ( F: r1 r2 -- ) 2 fpick ;
: attempt ( xt -- ) catch . fdepth . cr drain ;
1e 2e ' too-deep attempt
: too-deep-dyn ( F: r1 r2 -- ) 3 dup 1- - 4 + fpick ;
1e 2e ' too-deep-dyn attempt
