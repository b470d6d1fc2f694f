\ RDROP, 2RDROP, K and I' (gforth's return-stack and loop words).
: keep-second ( a b -- a ) >r >r r> rdrop ;
1 2 keep-second . cr
: drop-pair ( a b c -- c ) >r 2>r 2rdrop r> ;
1 2 3 drop-pair . cr
\ RDROP of an item pushed in another branch path, balanced on every path.
: maybe ( n flag -- n' ) over >r if rdrop 0 else r> then + ;
5 true maybe . 5 false maybe . cr
\ Three nested loops: K is the outermost index.
: cube ( -- ) 2 0 do 2 0 do 2 0 do k 100 * j 10 * + i + . loop loop loop cr ;
cube
\ I' is the limit of the innermost loop.
: limits ( -- ) 10 7 ?do i' . i' i - . loop cr ;
limits
: nested ( -- ) 3 1 do 5 i + i do i' . i . loop loop cr ;
nested
: steps ( -- ) 20 0 do i' 2/ i + . 7 +loop cr ;
steps
\ I' after UNLOOP sees the loop outside it.
: outer-limit ( -- n ) 9 0 do 4 0 do unloop i' unloop exit loop loop 0 ;
outer-limit . cr
\ I' in small loops the optimizer unrolls, and beside J.
: limit-sum ( -- n ) 0 100 0 do i' + loop ;  limit-sum . cr
: odd-steps ( -- n ) 0 37 3 do i' i - + 2 +loop ; odd-steps . cr
: parity ( n -- n ) 0 swap 0 ?do i' 1 and + loop ; 1001 parity . 0 parity . cr
variable acc
: grid ( -- n ) 0 acc ! 10 0 do 5 0 do i' j + acc +! loop loop acc @ ; grid . cr
