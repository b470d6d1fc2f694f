\ A branch one side of which reads an item deeper than the flag while both
\ sides leave it in place (ffl's xis-read: `DUP xis.text = IF OVER 0= ELSE
\ FALSE THEN`), in a loop whose items vary per trip: the optimizer's
\ if-conversion must keep every item.
variable which
: tok ( -- c-addr u n | n ) which @ 0= IF s" " 7 EXIT THEN which @ 1 = IF s" bold" 7 EXIT THEN 9 ;
: rd ( -- c-addr u n | n )
  BEGIN
    tok
    dup 7 = IF over 0= ELSE false THEN
  WHILE
    drop 2drop 1 which !
  REPEAT ;
0 which ! rd . . drop cr
2 which ! rd . cr
: pick-len ( c-addr u n -- c-addr u n f ) dup 7 = IF over 4 = ELSE false THEN ;
s" bold" 7 pick-len . . . drop cr
s" it" 7 pick-len . . . drop cr
