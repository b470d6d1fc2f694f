\ evaluate.fs -- EVALUATE: expressions, definitions, nested EVALUATE, in compile state from an immediate word, SOURCE-ID and >IN
.( simple: ) S" 1 2 + ." EVALUATE CR
.( define: ) S" : sq DUP * ;" EVALUATE 7 sq . CR
: ev-in-def ( -- ) S" 10 20 *" EVALUATE ;
.( from a colon def: ) ev-in-def . CR
: inner ( -- ) S" 3 4 +" EVALUATE ;
: outer ( -- ) S" inner 100 *" EVALUATE ;
.( nested: ) outer . CR
: level3 S" 1" EVALUATE ;
: level2 S" level3 2" EVALUATE ;
: level1 S" level2 3 level3" EVALUATE ;
.( three levels: ) level1 . . . . CR
\ An immediate word that EVALUATEs while compiling: the text is compiled into the current definition.
: compile-sum ( -- ) S" 5 6 +" EVALUATE ; IMMEDIATE
: uses-compile-sum ( -- n ) compile-sum 2 * ;
.( evaluate in compile state: ) uses-compile-sum . CR
: make-literal ( -- ) S" [ 6 7 * ] LITERAL" EVALUATE ; IMMEDIATE
: uses-literal make-literal ;
.( evaluate with [ ] literal: ) uses-literal . CR
\ EVALUATE can start and finish a definition.
: def-plus ( -- ) S" : plus100 100 + ;" EVALUATE ;
def-plus
.( evaluate-made def: ) 1 plus100 . CR
\ A definition may start inside EVALUATE and finish in the file.
S" : split-def 1" EVALUATE 2 + ;
.( split def: ) split-def . CR
: sid ( -- ) SOURCE-ID . ;
.( source-id inside evaluate: ) S" sid" EVALUATE CR
: show-source ( -- ) SOURCE TYPE SOURCE NIP >IN ! ;
.( source inside evaluate: ) S" show-source   (tail)" EVALUATE CR
: in-val ( -- ) >IN @ . ;
.( >in inside evaluate: ) S" in-val  in-val" EVALUATE CR
: skip-rest ( -- ) SOURCE NIP >IN ! ;
.( >in set to end stops evaluate: ) S" 1 . skip-rest 2 ." EVALUATE CR
.( input source restored after evaluate: ) S" 42" EVALUATE . CR
.( empty string: ) S" " EVALUATE DEPTH . CR
: ev-stack ( a b -- ) S" SWAP -" EVALUATE ;
.( stack passes through: ) 3 10 ev-stack . CR
CREATE ebuf 40 CHARS ALLOT
: make-text ( -- addr len ) S" 11 22 + ." DUP >R ebuf SWAP MOVE ebuf R> ;
.( evaluate from buffer: ) make-text EVALUATE CR
: quote-text ( -- ) S\" S\" quoted\" TYPE" EVALUATE ;
.( s" inside evaluate: ) quote-text CR
