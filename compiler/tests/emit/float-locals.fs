\ gforth's float locals each live in one f64 local: the loop reads and
\ writes them with local.get and local.set, no memory and no bit joining.
: halve { f: x n -- } ( F: -- r ) n 0 do x 2e f/ to x loop x ;
