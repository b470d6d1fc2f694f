\ A Latin-1 comment: café
: greet ." café" cr ;
greet
char é . cr
s" àé" nip . cr
