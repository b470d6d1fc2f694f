\ A definition that reads below the bottom of the stack, although it
\ leaves more items than it found (its net effect never underflows).
: t  1 rot ;
2 t . . .
