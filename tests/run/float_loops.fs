\ float_loops.fs -- counted and BEGIN loops whose floats stay in wasm locals
\ across the back edge: the results, FDEPTH inside and after, skipped loops
\ on an empty float stack, LEAVE, and an underflow inside a loop body after
\ output (caught, so the depth is restored).
: sum-to ( n -- ) ( F: -- r ) 0E 0 ?DO I S>F F+ LOOP ;
10 sum-to F. 0 sum-to F. FDEPTH . CR
: two-acc ( n -- ) ( F: -- r1 r2 ) 0E 1E 0 ?DO FSWAP 1E F+ FSWAP 2E F* LOOP ;
5 two-acc F. F. FDEPTH . CR
: depth-inside ( F: r -- r ) 3 0 DO FDEPTH . FDUP F+ LOOP ;
1.5E depth-inside F. CR
: skip-empty ( -- ) 0 0 ?DO F+ LOOP ;
skip-empty FDEPTH . CR
: with-leave ( F: r -- r' ) 100 0 DO 2E F* FDUP 1000E F> IF LEAVE THEN LOOP ;
1E with-leave F. CR
: halve-until ( F: r -- r' ) BEGIN 2E F/ FDUP 1E F< UNTIL ;
100E halve-until F. CR
: store-fetch ( F: r -- r ) 4 0 DO FDUP PAD F! PAD F@ F+ LOOP ;
1E store-fetch F. CR
: noisy ( -- ) 3 0 DO I . F+ LOOP ;
1E ' noisy CATCH . FDEPTH . CR FDROP
: nested ( -- ) ( F: -- r ) 0E 3 0 DO 4 0 DO I J * S>F F+ LOOP LOOP ;
nested F. CR
