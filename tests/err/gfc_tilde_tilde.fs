\ ~~ shows the source position and the stack on the error stream, both
\ where it is compiled and where it is interpreted.
: step ( n -- n' ) 2* ~~ 1+ ;
1 2 ~~ drop
3 step step .
hex 255 ~~ decimal
abort
