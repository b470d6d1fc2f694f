\ marker.fs -- MARKER forgets itself and every later definition, and restores earlier redefinitions
: keep ( -- n ) 1 ;
MARKER forget-1
: new-word ( -- n ) 2 ;
: keep ( -- n ) 3 ;
.( before marker runs: ) keep . new-word . CR
forget-1
.( after marker: keep is original: ) keep . CR
: is-defined? ( "name" -- ) BL WORD FIND NIP 0<> . ;
.( new-word gone: ) is-defined? new-word CR
.( marker gone: ) is-defined? forget-1 CR
.( keep still there: ) is-defined? keep CR
\ A marker can be used again after re-defining it.
MARKER forget-2
VARIABLE tmpvar 5 tmpvar !
.( temp variable: ) tmpvar @ . CR
forget-2
.( temp variable gone: ) is-defined? tmpvar CR
MARKER forget-2
: again-word ( -- n ) 9 ;
.( redefined marker scope: ) again-word . CR
forget-2
.( gone again: ) is-defined? again-word CR
\ Nested markers: executing the outer one also removes the inner one.
MARKER outer-m
: w1 ;
MARKER inner-m
: w2 ;
outer-m
.( nested markers: ) is-defined? w1 is-defined? w2 is-defined? inner-m is-defined? outer-m CR
\ Space is reused: definitions after a marker run fine.
: after-all ( -- n ) keep 10 + ;
.( defining after forgetting: ) after-all . CR
