\ Horner evaluation of a polynomial, all in one straight-line block per iteration.
: poly ( F: x -- y ) FDUP FDUP F* FOVER F* 0.5E F* FOVER FDUP F* 0.25E F* F+ FSWAP 2E F* F+ 1E F+ ;
: run-poly ( n -- ) ( F: -- r ) 0E 0 DO I S>F 1E-6 F* poly F+ LOOP ;
10000000 run-poly F. CR
