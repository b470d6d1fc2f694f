\ misc_coreext.fs -- assorted CORE EXT words: .( \ 0<> 0> <> U> NIP TUCK PICK ROLL ?DO AGAIN WITHIN TRUE FALSE 2>R 2R> 2R@ PAD ERASE UNUSED HEX
.( dot-paren prints at once ) CR
\ A backslash comment hides the rest of the line: .( never printed )
.( after backslash comment ) CR \ trailing comment .( not printed )
.( 0<> 0> <> u> : ) 5 0<> . 0 0<> . 5 0> . -5 0> . 1 2 <> . 2 2 <> . -1 1 U> . 1 -1 U> . CR
.( nip tuck: ) 1 2 NIP . 1 2 TUCK . . . CR
.( pick: ) 11 22 33 2 PICK . 1 PICK . 0 PICK . . . . CR
.( roll: ) 1 2 3 4 5 4 ROLL . . . . . CR
.( 1 roll = swap, 0 roll = nothing: ) 1 2 1 ROLL . . 1 2 0 ROLL . . CR
: ?do-count ( n -- ) 0 ?DO [CHAR] * EMIT LOOP ;
.( ?do: [) 0 ?do-count .( ][) 3 ?do-count .( ]) CR
: again-loop ( -- ) 0 BEGIN 1+ DUP 4 = IF . EXIT THEN AGAIN ;
.( again: ) again-loop CR
.( within: ) 3 2 5 WITHIN . 5 2 5 WITHIN . 2 2 5 WITHIN . -1 -3 3 WITHIN . CR
.( within unsigned wrap: ) 5 -10 10 WITHIN . 15 10 -10 WITHIN . CR
.( true false: ) TRUE . FALSE . TRUE FALSE AND . TRUE INVERT . CR
: two-r ( a b -- ) 2>R 2R@ . . 2R> . . ;
.( 2>r 2r@ 2r>: ) 1 2 two-r CR
.( pad is usable: ) S" pad!" PAD SWAP MOVE PAD 4 TYPE CR
: erase-test ( -- ) PAD 4 [CHAR] x FILL PAD 1 CHARS + 2 ERASE PAD C@ . PAD CHAR+ C@ . PAD 2 CHARS + C@ . PAD 3 CHARS + C@ . ;
.( erase: ) erase-test CR
.( unused is positive: ) UNUSED 0> . CR
.( unused shrinks after allot: ) UNUSED 100 ALLOT UNUSED - 100 = . CR
.( hex and decimal: ) HEX 1F DECIMAL . 31 HEX . DECIMAL CR
.( c": ) : cq C" xyz" COUNT TYPE ; cq CR
.( :noname: ) :NONAME 6 ; EXECUTE . CR
.( value to: ) 3 VALUE three 4 TO three three . CR
.( [compile] with immediate: ) : my-then [COMPILE] THEN ; IMMEDIATE : use-it IF 1 my-then ; 0 use-it DEPTH . CR
.( compile, : ) : c-dup ['] DUP COMPILE, ; IMMEDIATE : dupped c-dup ; 7 dupped . . CR
.( parse: ) : p [CHAR] | PARSE TYPE ; p abc|  .( after ) CR
.( source-id in file is not 0 or -1: ) SOURCE-ID DUP 0= SWAP -1 = OR 0= . CR
.( s\" : ) : esc S\" a\tb" ; esc NIP . CR
.( case in core ext: ) : c 2 CASE 1 OF 10 ENDOF 2 OF 20 ENDOF 0 SWAP ENDCASE ; c . CR
