\ floats: the floating-point word set. Floats live on their own stack.

: circle-area ( F: r -- area )  fdup f* pi f* ;
2e circle-area f. cr                      \ 12.5663706143592

\ Newton's method for a square root, five steps from a first guess.
: newton ( F: x -- root )  fdup  5 0 do  fover fover f/ f+ 2e f/  loop  fnip ;
2e newton f. cr                           \ 1.41421356237309

\ F.S shows the float stack; SET-PRECISION sets the digits F. prints.
4 set-precision  1e 3e f/ f. cr  15 set-precision

\ Integers and floats convert both ways.
7 s>f 2e f/ f>s . cr                      \ 3
