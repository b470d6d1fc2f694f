\ structures: named fields, with Forth 2012's BEGIN-STRUCTURE.

begin-structure point
  field: p.x
  field: p.y
end-structure

begin-structure rect
  point +field r.corner
  field: r.width
  field: r.height
end-structure

create box rect allot
3 box r.corner p.x !   4 box r.corner p.y !
10 box r.width !       20 box r.height !

: area ( rect -- n )  dup r.width @ swap r.height @ * ;
: .point ( point -- )  ." (" dup p.x @ 0 .r ." , " p.y @ 0 .r ." )" ;
box area . cr
box r.corner .point cr
rect . point . cr                         \ sizes in bytes
