\ gforth_misc.fs -- TYPEWHITE, BROKEN-PIPE-ERROR, (TYPE) (EMIT) (KEY?),
\ HAS?, #ESC and BODY>.
s" ab	c d" typewhite .( |) cr
broken-pipe-error . cr
s" typed" (type) char ! (emit) cr
has? floating 0<> . has? file 0<> . has? no-such-feature . cr
#esc . cr
create thing 3 , 4 ,
' thing >body body> ' thing = . cr
variable v  ' v >body body> ' v = . cr
: make ( n "name" -- ) create , does> @ ;
7 make seven  ' seven >body body> execute . cr
