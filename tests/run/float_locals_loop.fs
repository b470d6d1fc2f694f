\ gforth's float locals (f:) read and written in loops: each lives in one
\ f64 wasm local. Reading a local pushes a copy, so a later TO does not
\ change a float already on the stack; int and float locals mix.
: newton-sqrt { f: a -- } ( F: -- r )
  a 2e f/ { f: x }
  20 0 do  x a x f/ f+ 2e f/ to x  loop  x ;
2e newton-sqrt f. cr
81e newton-sqrt f. cr
: inside? { f: cr f: ci -- flag }
  0e 0e { f: zr f: zi }
  50 0 do
    zr zr f* zi zi f* f+ 4e f> if false unloop exit then
    zr zi f* 2e f*  zr zr f* zi zi f* f- cr f+ to zr  ci f+ to zi
  loop true ;
: mandel ( n -- count ) { n }
  0 n 0 do n 0 do
    i s>f n s>f f/ 2.5e f* 2e f-
    j s>f n s>f f/ 2.5e f* 1.25e f-
    inside? if 1+ then
  loop loop ;
40 mandel . cr
\ A copy on the stack keeps its value when the local changes.
: copies { f: x -- } ( F: -- r1 r2 )  x  1e to x  x  x f+ ;
3e copies f. f. cr
\ Int and float locals in one frame, the float one written in a loop.
: scaled { n f: step -- } ( F: -- r )
  0e { f: acc }  n 0 do  acc step f+ to acc  loop  acc n s>f f* ;
10 0.5e scaled f. cr
\ A THROW from a word that uses float locals leaves the float stack as
\ CATCH found it.
: risky { f: x -- } x x f* 100e f> if -7 throw then ;
: attempt ( F: r -- ) ['] risky catch . fdepth . cr ;
5e attempt
20e attempt
