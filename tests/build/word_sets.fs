\ A linked program using the optional word sets: memory allocated while
\ loading (the heap goes into the image), locals, a 2VALUE, double
\ arithmetic, structures and SUBSTITUTE.
begin-structure point  field: p.x  field: p.y  end-structure
point allocate throw constant origin
3 origin p.x !  4 origin p.y !
1000000000. 2value big
: norm2 {: p -- n :} p p.x @ dup * p p.y @ dup * + ;
: grow ( -- ) big 2dup d+ to big ;
create buf 40 allot
s" world" s" who" replaces
: main
  origin norm2 . grow grow big d. cr
  s" hello %who%" buf 40 substitute . type cr
  origin 1000 resize throw dup p.y @ . free throw cr ;
