\ gforth's typed locals: W: D: F: C:, and TO on each kind.

\ Complex multiplication with float locals (the example in gforth's glocals.fs).
: cx* { f: ar f: ai f: br f: bi -- cr ci }
  ar br f* ai bi f* f-
  ar bi f* ai br f* f+ ;
1e 2e 3e 4e cx* fswap f. f. cr

\ Mixed stacks: floats come from the float stack, cells from the data stack.
: scale+ { f: x n f: y -- } x n s>f f* y f+ f. ;
1.5e 4 0.25e scale+ cr

\ A float local in a loop, changed with TO.
: fpow { f: x n -- } 1e { f: acc } n 0 ?do acc x f* to acc loop acc f. ;
2e 10 fpow 0.5e 3 fpow cr

\ Newton's method for the square root.
: fsqrt2 { f: a -- } a 2e f/ { f: x } 20 0 do a x f/ x f+ 2e f/ to x loop x f. ;
2e fsqrt2 cr

\ Doubles: the name pushes both cells, TO takes both.
: dsum { d: a d: b } a b d+ d. ;
1000000000. 3000000000. dsum cr
: dcount { d: n } 0. { d: total } n drop 0 ?do total i s>d d+ to total loop total d. ;
100000. dcount cr
: dswap-test { d: a d: b } b a d. d. ;
1. 2. dswap-test cr

\ Chars: only the low 8 bits are kept, read back like C@.
: cstore { c: ch } ch . 1000 to ch ch . -1 to ch ch . ;
65 cstore cr
300 cstore cr

\ W: is the default.
: wtest { w: a b } a b - ;
10 3 wtest . cr

\ All the kinds in one group, with TO on each.
: all-kinds { w: w d: d f: f c: c }
  w . d d. f f. c . cr
  w 1+ to w  d 1. d+ to d  f 1e f+ to f  c 1+ to c
  w . d d. f f. c . cr ;
7 8. 9.5e 255 all-kinds

\ TO inside a DO loop, on every kind.
: accumulate { n } 0 { w } 0. { d: d } 0e { f: f } 0 { c: c }
  n 0 ?do  w i + to w  d i m+ to d  f i s>f f+ to f  c i + to c  loop
  w . d d. f f. c . cr ;
30 accumulate

\ A string routine with locals in a DO loop: count a character.
: count-char { addr len ch -- n }
  0 len 0 ?do addr i + c@ ch = if 1+ then loop ;
s" mississippi" char s count-char . cr
s" mississippi" char p count-char . cr

\ Reverse a string in place, with C: locals as temporaries.
: reverse { addr len }
  len 2/ 0 ?do
    addr i + c@ { c: a }
    addr len + i - 1- c@ { c: b }
    b addr i + c!  a addr len + i - 1- c!
  loop ;
create buf 32 allot
s" locals in gforth" buf swap move
buf 16 2dup reverse type cr
