\ gforth's struct.fs words: STRUCT FIELD END-STRUCT, the types CELL% CHAR%
\ FLOAT% DFLOAT% SFLOAT% DOUBLE%, %SIZE %ALIGNMENT %ALIGN %ALLOT %ALLOC
\ %ALLOCATE, and 2FIELD:.
struct
  cell% field p-x
  cell% field p-y
end-struct point%
point% %size . point% %alignment . cr

struct
  char% field r-tag
  point% field r-origin
  double% field r-area
  float% field r-weight
  char% 3 * field r-code
end-struct record%
record% . . cr
0 r-tag . 0 r-origin . 0 r-area . 0 r-weight . 0 r-code . cr
cell% . . char% . . float% . . dfloat% . . sfloat% . . double% . . struct . . cr

create pt point% %allot drop
3 pt p-x !  4 pt p-y !  pt p-x @ . pt p-y @ . pt p-y pt - . cr
: misalign ( -- ) here 7 and 0= if 1 allot then ;
misalign float% %align here 7 and . cr
misalign point% %allot dup 3 and . here swap - . cr
record% %alloc dup 3 and . dup 2.5e r-weight f! dup r-weight f@ f. free . cr
point% %allocate . free . cr
struct char% field only-char end-struct one-char%
one-char% . . cr

0 2field: span-a 2field: span-b constant span-size
span-size . 0 span-a . 0 span-b . cr
create sp-demo span-size allot
1 2 sp-demo span-b 2! sp-demo span-b 2@ . . cr
