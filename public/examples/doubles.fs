\ doubles: numbers of two cells, for values that do not fit in one.

\ 20! does not fit in 32 bits; in a double it does.
: d* ( d n -- d' )  tuck * >r um* r> + ;
: dfactorial ( n -- d )  1 0 rot 1+ 1 do  i d*  loop ;
20 dfactorial d. cr

\ A number with a dot is a double; D+ D- and D. work on them.
1000000000. 2000000000. d+ d. cr
\ M*/ scales with a double intermediate result.
1000000. 3 7 m*/ d. cr
