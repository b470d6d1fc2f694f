\ memory: ALLOCATE, RESIZE and FREE, for memory of a size known at run time.

variable items   variable size   0 size !
4 cells allocate throw items !

: push ( n -- )
  size @ 4 mod 0= size @ 0> and if
    items @ size @ 4 + cells resize throw items !
  then
  items @ size @ cells + !  1 size +! ;

: total ( -- n )  0 size @ 0 ?do  items @ i cells + @ +  loop ;
: fill ( -- )  10 0 do  i i * push  loop ;
fill
size @ . total . cr                       \ 10 items, 285
items @ free throw
