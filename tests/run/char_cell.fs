\ char_cell.fs -- CHARS CELLS CELL+ CHAR+ ALIGN ALIGNED , C, ALLOT with 32-bit cells and 8-bit chars (only offsets are printed)
.( sizes: ) 1 CELLS . 1 CHARS . 10 CELLS . 10 CHARS . 0 CELLS . CR
.( cell+ char+: ) 0 CELL+ . 0 CHAR+ . 100 CELL+ . 100 CHAR+ . CR
.( aligned: ) 0 ALIGNED . 1 ALIGNED . 2 ALIGNED . 3 ALIGNED . 4 ALIGNED . 5 ALIGNED . 8 ALIGNED . CR
ALIGN HERE 1 , 2 , 3 , HERE SWAP - .( comma advances: ) . CR
HERE 1 C, 2 C, 3 C, HERE SWAP - .( c-comma advances: ) . CR
ALIGN HERE ALIGNED HERE = .( align makes here aligned: ) . CR
HERE 10 ALLOT HERE SWAP - .( allot advances: ) . CR
HERE 0 ALLOT HERE SWAP - .( allot 0: ) . CR
ALIGN
CREATE data 11 , 22 , 33 C, 44 C,
.( data laid down: ) data @ . data CELL+ @ . data 2 CELLS + C@ . data 2 CELLS + CHAR+ C@ . CR
ALIGN
CREATE mixed 1 C, ALIGN 2 ,
.( align between c, and , : ) mixed C@ . mixed CELL+ @ . CR
CREATE c-bytes 4 ALLOT
: store-bytes ( -- ) 4 0 DO I 16 * c-bytes I CHARS + C! LOOP ;
store-bytes
.( chars in allotted space: ) c-bytes C@ . c-bytes CHAR+ C@ . c-bytes 3 CHARS + C@ . CR
: here-diff ( -- ) HERE 3 CELLS ALLOT HERE SWAP - . ;
.( allot in a definition: ) here-diff CR
.( create body is aligned: ) CREATE after-odd  after-odd ALIGNED after-odd = . CR
