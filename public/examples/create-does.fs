\ create-does: new kinds of words. CREATE makes a word with data;
\ DOES> gives all words made by a defining word the same behaviour.

: array ( n "name" -- )  create cells allot  does> ( i -- addr ) swap cells + ;
5 array squares
: fill-squares ( -- )  5 0 do  i i * i squares !  loop ;
fill-squares  3 squares @ . cr            \ 9

\ Words that convert to a base unit when run.
: unit ( n "name" -- )  create ,  does> @ * ;
1000 unit km   100 unit m   1 unit cm
2 km 30 m + 5 cm + . cr                   \ centimetres

\ A counter that counts its own calls.
: counter ( "name" -- )  create 0 ,  does> dup @ 1+ dup rot ! ;
counter ticks  ticks drop ticks drop ticks . cr
