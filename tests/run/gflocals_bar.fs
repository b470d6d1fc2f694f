\ reference: fastforth
\ Extension: names after | in { } take nothing from the stacks (as in {:).
\ gforth 0.7.3 has no | in { } (later gforths have it with this meaning),
\ so this expected output is written by hand.

\ An uninitialized cell local used as an accumulator.
: sum { addr n | total -- sum }
  0 to total n 0 ?do addr i cells + @ total + to total loop total ;
create data 3 , 5 , 7 , 11 ,
data 4 sum . cr

\ Uninitialized locals of every kind leave both stacks alone.
: kinds { a | w: w d: d f: f c: c w^ wa -- }
  a to w  a s>d to d  a s>f to f  a to c  a wa !
  w . d d. f f. c . wa @ . depth . cr ;
65 kinds

\ An address local after | is a scratch buffer the word fills itself.
: digits { n | w^ count -- n' } 0 count ! n begin count @ 1+ count ! 10 / dup 0= until drop count @ ;
12345 digits . 7 digits . cr

\ | with nothing after it, and -- after it.
: id { x | -- x } x ;
9 id . cr
