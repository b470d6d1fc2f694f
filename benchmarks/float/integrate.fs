\ integrate: sums 1/(x*x+1) for x = i/1000 over 20M steps and prints the mean
\ with F. (a 9-word float loop body: S>F, F*, FDUP, F+, FSWAP, F/).
: integrate ( n -- ) ( F: -- r ) 0E DUP 0 DO I S>F 1E-3 F* FDUP F* 1E F+ 1E FSWAP F/ F+ LOOP S>F F/ ;
20000000 integrate F. CR
