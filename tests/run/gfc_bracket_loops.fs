\ gforth's interpretive loops: [DO] [?DO] [LOOP] [+LOOP] [FOR] [NEXT] [I]
\ and [BEGIN] [UNTIL] [AGAIN] [WHILE] [REPEAT]. Each loop runs the text
\ of its line, so tables can be built without a definition.

5 0 [do] [i] . [loop] cr
10 0 [do] [i] . 3 [+loop] cr
0 10 [do] [i] . -4 [+loop] cr
3 [for] [i] . [next] cr
0 0 [?do] .( never ) [loop] .( skipped ) cr
3 1 [?do] [i] . [loop] cr

\ A table of squares, built while interpreting.
create squares 10 0 [do] [i] dup * , [loop]
squares 9 cells + @ . squares 4 cells + @ . cr

\ [I] inside a definition compiles the index as a literal.
3 0 [do] :noname [i] 10 * ; execute . [loop] cr
4 0 [do] [i] . 3 0 [do] [i] . [loop] [loop] cr

\ Loops nest; [I] is the innermost index.
3 1 [do] 3 1 [do] [i] . [loop] .( | ) [loop] cr

\ [BEGIN] ... [UNTIL] and [BEGIN] ... [WHILE] ... [REPEAT].
variable n  5 n !
[begin] n @ . -1 n +! n @ 0= [until] cr
1 [begin] dup 100 < [while] dup . 2* [repeat] drop cr
0 [begin] 1+ dup 3 < [while] .( again ) [repeat] . cr
