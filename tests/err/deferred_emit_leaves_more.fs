\ reference: fastforth (a word put into EMIT must leave what EMIT leaves)
: generous ( c -- c c ) dup ;
: dashes ( n -- ) 0 ?do [char] - emit loop ;
' generous is emit
3 dashes
