\ explain --wat SQ
\ A word MAIN never calls is not in MAIN's image: it is shown as linked
\ with itself as the entry.
: sq ( n -- n*n ) dup * ;
: main ( -- ) 7 . ;
