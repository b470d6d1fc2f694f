\ memory.fs -- ! @ +! C! C@ 2! 2@ MOVE FILL ERASE (plus STRING-set CMOVE CMOVE>) with VARIABLE and CREATE ... ALLOT buffers
VARIABLE v
CREATE buf 16 CHARS ALLOT
CREATE cells4 4 CELLS ALLOT
: showbuf ( n -- ) 0 ?DO buf I CHARS + C@ . LOOP ;
: t1 ." ! @ : " 42 v !  v @ .  -1 v ! v @ .  v @ U. CR ;
: t2 ." +! : " 10 v !  5 v +!  v @ .  -20 v +!  v @ .  2147483647 v !  1 v +!  v @ . CR ;
: t3 ." c! c@ : " 65 buf C!  buf C@ .  300 buf C!  buf C@ .  -1 buf C!  buf C@ . CR ;
: t4 ." 2! 2@ : " 1 2 cells4 2!  cells4 2@ SWAP . .  cells4 @ .  cells4 CELL+ @ . CR ;
: t5 ." fill : " buf 8 CHARS 7 FILL  8 showbuf  buf 0 33 FILL  buf C@ . CR ;
: t6 ." erase : " buf 16 CHARS 1 FILL  buf 2 CHARS + 3 CHARS ERASE  8 showbuf CR ;
: init ( -- ) 8 0 DO I 1+ buf I CHARS + C! LOOP ;
: t7 ." cmove up-overlap : " init  buf buf 1 CHARS + 5 CMOVE  8 showbuf CR ;
: t8 ." cmove> up-overlap : " init  buf buf 1 CHARS + 5 CMOVE>  8 showbuf CR ;
: t9 ." move up-overlap : " init  buf buf 2 CHARS + 5 MOVE  8 showbuf CR ;
: t10 ." move down-overlap : " init  buf 2 CHARS + buf 5 MOVE  8 showbuf CR ;
: t11 ." cells in array : " 4 0 DO I I * cells4 I CELLS + ! LOOP  4 0 DO cells4 I CELLS + @ . LOOP CR ;
: t12 ." zero-length : " init  buf buf 4 CHARS + 0 MOVE  buf buf 4 CHARS + 0 CMOVE  buf 0 99 FILL  8 showbuf CR ;
: t13 ." variable initial store then fetch in interpreter: " ;
t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 t13
123 v !  v @ . CR
