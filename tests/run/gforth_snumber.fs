\ gforth_snumber.fs -- SNUMBER?: a single gives n -1, a double d and its digits after the point plus one, anything else 0.
: t ( c-addr u -- ) snumber? dup . dup 0< if drop . else if d. then then cr ;
s" 1234" t s" -12" t s" 12.34" t s" 1.2.3" t s" abc" t s" " t s" $ff" t s" 'a'" t s" 1." t s" -1.5" t s" %101" t
