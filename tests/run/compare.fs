\ compare.fs -- = <> < > U< U> 0= 0< 0<> 0> WITHIN, TRUE FALSE, flags are all-bits-set
: t= ." = : " 1 1 = .  1 2 = .  -1 -1 = .  0 0 = . CR ;
: t<> ." <> : " 1 1 <> .  1 2 <> . CR ;
: t< ." < : " 1 2 < .  2 1 < .  -1 0 < .  0 -1 < .  -2147483648 2147483647 < .  2147483647 -2147483648 < .  3 3 < . CR ;
: t> ." > : " 1 2 > .  2 1 > .  -1 0 > .  -2147483648 2147483647 > .  3 3 > . CR ;
: tu< ." u< : " 1 2 U< .  2 1 U< .  -1 0 U< .  0 -1 U< .  -2147483648 2147483647 U< .  3 3 U< . CR ;
: tu> ." u> : " 1 2 U> .  -1 0 U> .  0 -1 U> .  3 3 U> . CR ;
: t0 ." 0= 0< 0<> 0> : " 0 0= .  5 0= .  -1 0< .  0 0< .  1 0< .  -2147483648 0< .
   0 0<> .  7 0<> .  0 0> .  1 0> .  -1 0> .  2147483647 0> . CR ;
: tw ." within : " 5 1 10 WITHIN .  1 1 10 WITHIN .  10 1 10 WITHIN .  0 1 10 WITHIN .
   -5 -10 0 WITHIN .  5 10 1 WITHIN .  0 10 1 WITHIN .  -1 0 -2147483648 WITHIN . CR ;
: tf ." true false : " TRUE .  FALSE .  TRUE U. CR ;
: tflag ." flag arithmetic: " 3 4 < 5 AND .  3 4 > 5 AND .  1 2 = INVERT . CR ;
t= t<> t< t> tu< tu> t0 tw tf tflag
