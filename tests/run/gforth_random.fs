\ `require random.fs` loads gforth's generator: the same numbers as gforth.
require random.fs
require random.fs
: dice ( n -- ) 0 ?do 6 random 1+ . loop cr ;
10 dice
seed @ . cr
12345 seed ! 5 dice
: histogram ( -- ) create 10 cells allot does> swap cells + ;
histogram bins  0 bins 10 cells erase
: fill-bins ( n -- ) 0 ?do 1 10 random bins +! loop ;
1000 fill-bins
: show ( -- ) 10 0 do i bins @ . loop cr ;
show
