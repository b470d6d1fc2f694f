\ gforth's name tokens and compilation tokens: LATEST, LATESTXT, LASTXT,
\ FIND-NAME, NAME>INT, NAME?INT, NAME>COMP, >NAME, ID., COMP', [COMP'],
\ (') and [(')], POSTPONE,.

: double ( n -- 2n ) 2* ;
latest id. latestxt ' double = . lastxt ' double = . cr
latest name>string type cr

\ FIND-NAME looks a name up in the search order; 0 if it is not there.
s" double" find-name id.  s" DOUBLE" find-name name>int 21 swap execute . cr
s" no-such-word" find-name . cr
: show ( c-addr u -- ) find-name ?dup-if id. else ." ? " then ;
s" double" show s" quadruple" show s" nothing-here" show cr

\ >NAME goes back from an execution token to the name.
' double >name id.  ' double >name name>int ' double = . cr
: name-of ( xt -- ) >name ?dup-if name>string type else ." (noname)" then space ;
' double name-of :noname ; name-of cr

\ NAME?INT is NAME>INT for words that can be interpreted.
s" double" find-name name?int 8 swap execute . cr

\ COMP' gives a word's compilation semantics; POSTPONE, appends them, so
\ COMP' and POSTPONE, make a POSTPONE.
: my-postpone ( "name" -- ) comp' postpone, ; immediate
: compile-double ( -- ) my-postpone double ; immediate
: quadruple ( n -- 4n ) compile-double compile-double ;
3 quadruple . cr
: my-if ( -- ) my-postpone if ; immediate
: my-then ( -- ) [comp'] then execute ; immediate
: abs-val ( n -- u ) dup 0< my-if negate my-then ;
-5 abs-val . 5 abs-val . cr
comp' if nip ' execute = . comp' double nip ' compile, = . cr

\ NAME>COMP is the same as NAME>COMPILE.
s" double" find-name name>comp nip ' compile, = . cr

\ (') and [(')] give name tokens.
(') double id.  : dbl-nt ( -- nt ) [(')] double ; dbl-nt id. cr
(') double name>int 100 swap execute . cr
