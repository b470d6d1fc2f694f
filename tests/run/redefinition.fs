\ redefinition.fs -- redefining a word: old callers keep the old definition, new callers get the new one, the old name is usable inside the new body
\ (gforth warns "redefined ..." on stderr; only stdout is compared)
: greeting ( -- ) ." old" ;
: caller1 ( -- ) greeting ;
: greeting ( -- ) ." new" ;
: caller2 ( -- ) greeting ;
.( old caller: ) caller1 CR
.( new caller: ) caller2 CR
.( direct: ) greeting CR
\ Inside its own new definition the name still refers to the previous version.
: twice ( n -- n*2 ) 2 * ;
: twice ( n -- n*4 ) twice twice ;
.( new calls old: ) 3 twice . CR
: twice ( n -- n*16 ) twice twice ;
.( third version: ) 3 twice . CR
\ Redefining a constant, variable and value.
10 CONSTANT k
: use-k k ;
20 CONSTANT k
.( constants: ) use-k . k . CR
VARIABLE v  1 v !
: old-v v ;
VARIABLE v  2 v !
.( variables are separate: ) old-v @ . v @ . CR
\ A redefinition made while compiling is not visible until ; (the body uses the old word).
: counter ( -- n ) 1 ;
: counter ( -- n ) counter 10 + ;
.( counter: ) counter . CR
\ A wrapper: the new fact calls the old fact, whose RECURSE still means the old one.
: fact ( n -- n! ) DUP 2 < IF DROP 1 ELSE DUP 1- RECURSE * THEN ;
: fact ( n -- n! ) ." fact of " DUP . ." is " fact ;
.( wrapper around old: ) 5 fact . CR
\ Redefining a standard word affects only later code.
: square ( n -- n*n ) DUP * ;
: DUP ( x -- x x ) ." [my dup]" DUP ;
: new-square ( n -- n*n ) DUP * ;
.( old user of dup: ) 5 square . CR
.( new user of dup: ) 5 new-square . CR
