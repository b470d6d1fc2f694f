\ A table indexed by a masked value: the base becomes the load's offset.
create table 256 cells allot
: lookup ( x -- y ) 255 and cells table + @ ;
