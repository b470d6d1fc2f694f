\ In gforth 0.7.3, | inside { } is a local's name like any other: each name
\ of the group, | included, takes an item from the stack. (Later gforths
\ read | as the start of locals without an initial value; {: a | b :}
\ declares those.)
: three { a | b -- } a . | . b . cr ;
1 2 3 three
\ The later | shadows the earlier one, as a later local does.
: four { a | b | } a . b . | . cr ;
1 2 3 4 four
\ Code written for a later gforth: here the "uninitialized" local takes an
\ item too, and so does |: four items in all.
: sum { addr n | total -- sum }
  0 to total n 0 ?do addr i cells + @ total + to total loop total ;
create data 3 , 5 , 7 , 11 ,
data 4 0 0 sum . depth . cr
