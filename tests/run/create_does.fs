\ create_does.fs -- CREATE, >BODY, DOES> for defining words, a defining word with two DOES>, DOES> in a CREATEd word's data
CREATE tbl 10 , 20 , 30 ,
.( create data: ) tbl @ . tbl CELL+ @ . tbl 2 CELLS + @ . CR
.( >body: ) ' tbl >BODY tbl = . CR
: const: ( n "name" -- ) CREATE , DOES> @ ;
42 const: answer  -7 const: neg
.( const: ) answer . neg . CR
: array: ( n "name" -- ) CREATE CELLS ALLOT DOES> ( i -- addr ) SWAP CELLS + ;
5 array: arr
: fill-arr 5 0 DO I I * 1+ I arr ! LOOP ;
fill-arr
: show-arr 5 0 DO I arr @ . LOOP ;
.( array: ) show-arr CR
.( >body of does word: ) ' arr >BODY 0 arr = . CR
: counter: ( "name" -- ) CREATE 0 , DOES> ( -- n ) 1 OVER +! @ ;
counter: c1  counter: c2
.( counters: ) c1 . c1 . c2 . c1 . c2 . CR
\ Two DOES>: the first execution of a child runs the first DOES> part, which
\ replaces the child's behaviour with the second DOES> part.
: two-stage ( n "name" -- ) CREATE , DOES> @ ." first:" . DOES> @ ." second:" . ;
100 two-stage ts
.( two does>: ) ts SPACE ts SPACE ts CR
200 two-stage ts2
.( another child starts fresh: ) ts2 SPACE ts2 CR
\ DOES> data can hold strings.
: message: ( "name" "text" -- ) CREATE [CHAR] " PARSE DUP C, 0 ?DO DUP I CHARS + C@ C, LOOP DROP DOES> COUNT TYPE ;
message: hello Hello, world"
.( message: ) hello CR
\ A defining word defined by a defining word.
: maker: ( "name" -- ) CREATE DOES> DROP CREATE , DOES> @ 2* ;
maker: dbl:
21 dbl: forty-two
.( defining word from defining word: ) forty-two . CR
\ CREATE without DOES> returns its body; DOES> words are ordinary words usable in definitions.
: use-them ( -- ) answer neg + .  2 arr @ . ;
.( used in colon def: ) use-them CR
: point: ( x y "name" -- ) CREATE , , DOES> DUP CELL+ @ SWAP @ ;
3 4 point: p34
.( point: ) p34 . . CR
