\ A straight-line word called from one place only is pasted there at link
\ time, whatever its size.
variable a  variable b  variable c
: setup ( -- ) 1 a !  2 b !  3 c !  a @ b @ + c !  c @ a @ * b !  b @ c @ - a ! ;
: main ( -- ) setup a @ . ;
