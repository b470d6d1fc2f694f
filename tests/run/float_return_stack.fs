\ reference: fastforth (F>R FR> FR@ come from later gforths; 0.7.3 lacks them)
\ A float on the return stack takes two cells there, under and over items
\ of its own, and libraries that define these words when they are missing
\ (ffl's tlb.fs) skip their definitions.
: swap-floats ( F: a b -- b a ) f>r f>r fr@ f. fr> fr> ;
1.5e 2.5e swap-floats f. f. cr
: mixed ( n -- n' ) ( F: r -- r' ) f>r 10 * fr@ 2e f* fr> f+ ;
4 0.25e mixed f. . cr
[UNDEFINED] f>r [IF] .( f>r missing) [ELSE] .( f>r defined) [THEN] cr
