\ xt.fs -- ' ['] EXECUTE FIND >BODY: xts are stable, can be stored in memory and executed later, FIND flags for immediate words
: inc ( n -- n+1 ) 1+ ;
: dbl ( n -- 2n ) 2* ;
: imm-word ( -- ) ; IMMEDIATE
.( execute: ) 5 ' inc EXECUTE . CR
: apply ( n xt -- n' ) EXECUTE ;
.( ['] in def: ) : via-bracket 5 ['] dbl apply ; via-bracket . CR
.( stable: ) ' inc ' inc = . ' inc ' dbl = . CR
: tick-inc ['] inc ;
.( tick vs bracket-tick: ) tick-inc ' inc = . CR
VARIABLE slot
' dbl slot !
.( xt from a variable: ) 21 slot @ EXECUTE . CR
CREATE xts ' inc , ' dbl , ' inc , ' dbl ,
: run-all ( n -- n' ) 4 0 DO xts I CELLS + @ EXECUTE LOOP ;
.( xt table: ) 1 run-all . CR
: apply-twice ( n xt -- n' ) DUP >R EXECUTE R> EXECUTE ;
.( apply twice: ) 3 ' dbl apply-twice . CR
CREATE name-buf 32 CHARS ALLOT
: counted ( addr len -- c-addr ) DUP name-buf C! name-buf CHAR+ SWAP MOVE name-buf ;
.( find non-immediate: ) S" inc" counted FIND . ' inc = . CR
.( find immediate: ) S" imm-word" counted FIND . ' imm-word = . CR
.( find missing: ) S" no-such-word-xyz" counted FIND . name-buf = . CR
.( find in upper case: ) S" INC" counted FIND . ' inc = . CR
.( find standard word: ) S" DUP" counted FIND . ' DUP = . CR
: find-run ( -- ) S" dbl" counted FIND DROP 50 SWAP EXECUTE . ;
.( find then execute: ) find-run CR
.( execute a standard word xt: ) 2 3 ' + EXECUTE . CR
.( execute constant and variable xts: ) 77 CONSTANT c77 ' c77 EXECUTE . CR
.( >body of variable: ) VARIABLE vv 9 vv ! ' vv >BODY @ . CR
.( execute does> word: ) : k: CREATE , DOES> @ ; 88 k: k88 ' k88 EXECUTE . CR
.( execute :noname: ) :NONAME 100 ; EXECUTE . CR
.( nested execute: ) 4 ' inc ' EXECUTE EXECUTE . CR
.( xt survives later definitions: ) ' inc : later-def 0 ; 10 SWAP EXECUTE . CR
