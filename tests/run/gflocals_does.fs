\ Locals in defining words: before DOES>, and after it with their own.

\ A DOES> part that declares locals of its own.
: point ( x y "name" -- ) create , ,
  does> { addr } addr cell+ @ addr @ { x y } ." (" x 0 .r ." ," y 0 .r ." )" ;
3 4 point p1
-1 7 point p2
p1 space p2 cr

\ Locals before DOES> end there; the DOES> part gets the body as usual.
: scaled ( n factor "name" -- ) { n factor } create n factor * ,
  does> { body f: s } body @ s>f s f* f. ;
5 3 scaled fifteen
2e fifteen 0.5e fifteen cr

\ A counter whose DOES> part changes its cell through an address local.
: counter ( "name" -- ) create 0 ,
  does> { w^ body } body @ 1 swap +! body @ @ ;
counter hits
hits . hits . hits . cr

\ An array whose DOES> part checks the index with locals.
: array ( n "name" -- ) create dup , cells allot
  does> { i addr } i 0 addr @ within 0= if -2 throw then addr cell+ i cells + ;
5 array squares
: fill-squares 5 0 do i i * i squares ! loop ;
fill-squares
: show-squares 5 0 do i squares @ . loop cr ;
show-squares
