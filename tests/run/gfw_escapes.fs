\ .\" (gforth): ." with the escapes of S\", compiled and interpreted;
\ CSTRING>SSTRING: the length of a zero-terminated string.
: greet ( -- ) .\" tab:\there\n" .\" quote:\" bs:\\ hex:\x41\n" ;
greet
.\" interpreted\tline\n"
: nothing ( -- ) .\" " ; nothing 1 . cr
create cstr char a c, char b c, char c c, 0 c,
cstr cstring>sstring type space cstr cstring>sstring nip . cr
create empty-c 0 c,
empty-c cstring>sstring nip . cr
