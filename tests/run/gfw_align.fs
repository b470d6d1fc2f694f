\ gforth's sizes and alignment words: CELL FLOAT /W /L MAXALIGNED MAXALIGN
\ CFALIGNED CFALIGN NALIGNED, and DP.
cell . float . /w . /l . cr
0 maxaligned . 1 maxaligned . 7 maxaligned . 8 maxaligned . 9 maxaligned . cr
0 cfaligned . 3 cfaligned . 16 cfaligned . 17 cfaligned . cr
5 1 naligned . 5 2 naligned . 5 4 naligned . 5 8 naligned . 8 8 naligned . 9 16 naligned . cr
: misalign ( -- ) here maxaligned here - 1+ allot ;
misalign maxalign here maxaligned here = . here 7 and .
misalign cfalign here cfaligned here = . here 7 and . cr
here dp @ = . 3 cells allot here dp @ = . cr
: cells-of ( n -- u ) cell * ;
5 cells-of . 2 float * . cr
