\ tools_output.fs -- what SEE, .S, DUMP and LIST print. The
\ reference: fastforth (our formats of SEE, .S, DUMP, LIST)
\ formats are FastForth's own (see README.md); the expected output is
\ checked by hand, not made by gforth. WORDS and ORDER print gforth's
\ formats: gfo_order.fs tests them.
: square ( n -- n*n ) DUP * ;
: spans ( n -- )
   0 ?DO
      I .   \ a comment inside
   LOOP ;
: shout ( -- ) ." hi" ; IMMEDIATE
: maker ( n "name" -- ) CREATE , DOES> @ 2 * ;
42 CONSTANT answer
VARIABLE counter
7 VALUE seven
DEFER action  ' square IS action
SEE square
SEE spans
SEE shout
SEE maker
SEE answer
SEE counter
SEE seven
SEE action
SEE dup
SEE if
1 -2 HEX 1F DECIMAL .S CR
2DROP DROP .S CR
S" FastForth dump!" PAD SWAP MOVE PAD 20 DUMP
S" blocks.fb" DELETE-FILE DROP
1 BUFFER 1024 BL FILL S" line zero" 1 BLOCK SWAP MOVE
S" line one" 1 BLOCK 64 + SWAP MOVE UPDATE
1 LIST SCR @ . CR
EMPTY-BUFFERS
\ SEE of a 2VALUE (after TO) and of a definition with locals.
1 2 2VALUE two-v  3 4 TO two-v  SEE two-v
: add-locals {: a b | c :} a b + TO c c ; SEE add-locals
