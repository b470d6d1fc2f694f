\ defining_words.fs -- VARIABLE CONSTANT VALUE TO DEFER IS ACTION-OF DEFER@ DEFER! :NONAME, interpreted and compiled
VARIABLE var1  5 var1 !
.( variable: ) var1 @ . CR
-12 CONSTANT minus12
2147483647 CONSTANT big
.( constant: ) minus12 . big . CR
: use-consts minus12 big + ;
.( constant in def: ) use-consts . CR
10 VALUE val
.( value: ) val . CR
20 TO val
.( after interpreted TO: ) val . CR
: set-val ( n -- ) TO val ;
-3 set-val
.( after compiled TO: ) val . CR
: val+1 val 1+ ;
.( value read in def: ) val+1 . CR
: hi ." hi" ;
: bye-word ." bye" ;
DEFER greet
' hi IS greet
.( defer: ) greet CR
: set-greet ( xt -- ) IS greet ;
' bye-word set-greet
.( compiled IS: ) greet CR
: call-greet greet ;
' hi IS greet
.( caller sees new action: ) call-greet CR
.( action-of interpreted: ) ACTION-OF greet ' hi = . CR
: get-greet ACTION-OF greet ;
.( action-of compiled: ) get-greet ' hi = . CR
.( defer@: ) ' greet DEFER@ ' hi = . CR
' bye-word ' greet DEFER!
.( defer!: ) greet CR
:NONAME ( a b -- c ) 10 * + ; CONSTANT combine
.( :noname: ) 3 4 combine EXECUTE . CR
:NONAME ." anon" ; IS greet
.( :noname as defer action: ) greet CR
\ Several :NONAMEs kept in a table and called by index.
:NONAME + ;  :NONAME - ;  :NONAME * ;
CREATE ops  ROT , SWAP , ,
: op ( a b i -- c ) CELLS ops + @ EXECUTE ;
.( noname table: ) 7 3 0 op . 7 3 1 op . 7 3 2 op . CR
\ A deferred word can be re-pointed to another deferred word.
DEFER other  ' hi IS other
' other IS greet
.( defer chain: ) greet SPACE ' bye-word IS other greet CR
