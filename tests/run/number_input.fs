\ number_input.fs -- number literals: signs, BASE, prefixes # $ % and 'c' (Forth 2012), and >NUMBER
.( decimal: ) 0 . 123 . -123 . 2147483647 . -2147483648 . CR
.( wrap: ) 4294967295 . 2147483648 . -0 . CR
.( prefixes: ) #99 . $FF . $ff . %1010 . #-12 . $-1F . %-101 . CR
.( char literal: ) 'a' . 'A' . '0' . '~' . CR
HEX
.( hex base: ) 10 . FF . -A . #10 . %11 . DECIMAL CR
: compiled-literals #99 $10 %10 'z' -7 ;
.( compiled: ) compiled-literals . . . . . CR
HEX : hex-compiled 10 ; DECIMAL
.( base at compile time counts: ) hex-compiled . CR
2 BASE ! 1111 DECIMAL .( base 2 literal: ) . CR
36 BASE ! Z DECIMAL .( base 36 literal: ) . CR
\ >NUMBER ( ud addr len -- ud' addr' len' ) accumulates digits and stops at the first non-digit
: >num ( addr len -- ) 0 0 2SWAP >NUMBER ." rest=" . DROP ." hi=" . ." lo=" . ;
.( >number full: ) S" 12345" >num CR
.( >number partial: ) S" 123abc" >num CR
.( >number empty: ) S" " >num CR
.( >number none: ) S" x12" >num CR
.( >number no sign: ) S" -5" >num CR
.( >number 2^32: ) S" 4294967296" >num CR
.( >number big: ) S" 18446744073709551615" >num CR
: accum ( -- ) 7 0 S" 89" >NUMBER 2DROP ." lo=" SWAP . ." hi=" . ;
.( >number accumulates: ) accum CR
: hexnum ( -- ) BASE @ >R HEX 0 0 S" fFz" >NUMBER ." rest=" . DROP ." hi=" . ." lo=" . R> BASE ! ;
.( >number hex mixed case: ) hexnum CR
: rest-char ( -- ) 0 0 S" 12;34" >NUMBER DROP C@ EMIT 2DROP ;
.( >number stops at: ) rest-char CR
