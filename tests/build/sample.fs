\ A program linked into one module: recursion, a variable, a deferred word,
\ CREATE ... DOES>, a string literal, and a word that is never reached.
: fib ( n -- f ) dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;
variable counter
: tick 1 counter +! ;
defer action  ' tick is action
: table create , , , does> swap cells + @ ;
30 20 10 table tens
: unused-word 1 2 + ;
: main 25 fib . 5 0 do action loop counter @ . 2 tens . cr s" done" type cr ;
