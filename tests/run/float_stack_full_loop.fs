\ args: --float-stack 16
\ reference: fastforth (the float stack holds 16 floats, set by --float-stack)
\ A loop body that pushes three floats at once: with the stack filled to
\ exactly its capacity it runs, with one float more it throws -44, and the
\ float stack is as CATCH found it.
: sum3 ( F: r -- r' ) 5 0 do 1e 2e 3e f+ f+ f+ loop ;
: fill ( n -- ) 0 ?do 1e loop ;
: drain ( -- ) begin fdepth while fdrop repeat ;
: try ( n -- ) fill 0e ['] sum3 catch . fdepth . f. cr drain ;
12 try
13 try
