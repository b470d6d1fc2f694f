\ The allocator under a random mix of ALLOCATE, RESIZE and FREE: every
\ reference: fastforth (the sizes are our heap's)
\ region keeps its contents (RESIZE up to the smaller size), nothing fails,
\ and once everything is freed the heap is one block again: the largest
\ region ALLOCATE can give is as large as at the start. (The expected output
\ was written by hand: gforth's heap is the C library's, whose largest
\ region differs.)
VARIABLE seed  12345 seed !
: random ( -- u ) seed @ 1103515245 * 12345 + DUP seed ! 16 RSHIFT ;
: fits? ( u -- flag ) ALLOCATE 0= IF FREE DROP TRUE ELSE DROP FALSE THEN ;
: largest ( -- u ) {: | lo hi mid :} $7FFFFFFF TO hi
  BEGIN lo hi < WHILE
    lo hi + 1+ 1 RSHIFT TO mid  mid fits? IF mid TO lo ELSE mid 1- TO hi THEN
  REPEAT lo ;
largest CONSTANT whole
64 CONSTANT slots
CREATE addrs slots CELLS ALLOT  addrs slots CELLS ERASE
CREATE sizes slots CELLS ALLOT
VARIABLE bad  0 bad !
: slot ( i -- a-addr ) CELLS addrs + ;
: size ( i -- a-addr ) CELLS sizes + ;
: check ( addr u c -- ) {: a u c :} u 0 ?DO a I + C@ c <> IF 1 bad +! LEAVE THEN LOOP ;
: step ( -- ) random {: r | i a u nu :} r slots MOD TO i
  i slot @ 0= IF
    r 200 MOD TO u  u ALLOCATE IF DROP 1 bad +! EXIT THEN TO a
    a u i 1+ FILL  a i slot !  u i size !  EXIT THEN
  i slot @ TO a  i size @ TO u  a u i 1+ check
  r 3 MOD 0= IF
    r 7 RSHIFT 300 MOD TO nu
    a nu RESIZE IF DROP 1 bad +! EXIT THEN TO a
    a u nu MIN i 1+ check
    a nu i 1+ FILL  a i slot !  nu i size !  EXIT THEN
  a FREE IF 1 bad +! THEN  0 i slot ! ;
: churn ( n -- ) 0 ?DO step LOOP ;
: free-all ( -- ) slots 0 DO I slot @ ?DUP IF FREE IF 1 bad +! THEN 0 I slot ! THEN LOOP ;
3000 churn free-all
.( errors: ) bad @ . CR
.( the heap is big: ) whole 1000000 > . CR
.( merged back into one block: ) largest whole = . CR
\ The same block may not be freed twice, and the heap still works after
whole ALLOCATE DROP DUP FREE . FREE 0<> . 100 fits? . CR
