\ `1 FPICK` with a literal index is a move within the float cache: the
\ loop keeps its floats in f64 slots across trips.
: power ( n -- ) ( F: x -- x^n ) 1e 0 ?do 1 fpick f* loop fswap fdrop ;
