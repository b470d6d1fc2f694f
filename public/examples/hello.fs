\ hello: the first steps. Press Run (or Ctrl/Cmd+Enter).
\ Loading a file runs it, as in any Forth: the lines below execute.

.( Hello from Forth compiled to WebAssembly!) cr

: square ( n -- n*n )  dup * ;
: squares ( n -- )  1+ 1 do  i square .  loop cr ;

10 squares

\ The words panel shows SQUARE as ( 1 -- 1 ): its stack effect is static,
\ so it compiles to a wasm function (param i32) (result i32).
\ Try the REPL below the output:  7 square .

: main ( -- )  5 squares ;
