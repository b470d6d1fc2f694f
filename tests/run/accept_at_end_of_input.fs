\ ACCEPT at the end of input ends the program, as in gforth (the golden
\ tests run with no input).
.( before) cr
create buf 80 allot
buf 80 accept . .( after) cr
