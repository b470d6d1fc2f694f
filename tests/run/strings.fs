\ strings.fs -- S" C" S\" ." .( COUNT TYPE, string literals compiled and interpreted, copying with MOVE (and CMOVE, from the STRING word set)
: codes ( addr u -- ) 0 ?DO DUP I CHARS + C@ . LOOP DROP ;
: s1 S" hello" ;
.( s" compiled: ) s1 TYPE SPACE s1 . DROP CR
.( s" empty: ) S" " . DROP CR
.( s" interpreted: ) S" interp" TYPE CR
: c1 C" counted" ;
.( c" : ) c1 COUNT TYPE SPACE c1 C@ . CR
: c-empty C" " ;
.( c" empty: ) c-empty C@ . CR
.( ." inside def: ) : q1 ." quoted text" ; q1 CR
.( ." with spaces:[) : q2 ."   two leading spaces" ; q2 .( ]) CR
.( paren string keeps   inner spaces) CR
: esc S\" tab\tq\"nl\n!" ;
.( s\" codes: ) esc codes CR
: esc-hex S\" \x41\x62\x7E\\" ;
.( s\" hex and backslash: ) esc-hex TYPE CR
: esc-all S\" \a\b\e\f\l\q\r\t\v\z" ;
.( s\" letters: ) esc-all codes CR
.( s\" \m is cr lf: ) S\" \m" codes CR
.( s\" interpreted: ) S\" x\"y" TYPE CR
.( type partial: ) s1 2 - TYPE SPACE s1 SWAP 1+ SWAP 1- TYPE CR
.( type zero length: [) s1 DROP 0 TYPE .( ]) CR
CREATE sbuf 32 CHARS ALLOT
: copy-test s1 sbuf SWAP CMOVE  sbuf 5 TYPE ;
.( cmove copy: ) copy-test CR
: move-test S" world" sbuf SWAP MOVE  sbuf 5 TYPE ;
.( move copy: ) move-test CR
: count-loop ( c-addr -- ) COUNT 0 ?DO COUNT EMIT LOOP DROP ;
.( count walk: ) c1 count-loop CR
: nested-quotes ." say " [CHAR] " EMIT ." hi" [CHAR] " EMIT ;
.( quote char: ) nested-quotes CR
: same-literal s1 DROP s1 DROP = ;
.( same literal each run: ) same-literal . CR
: emit-range ( lo hi -- ) SWAP ?DO I EMIT LOOP ;
.( emit: ) 65 75 emit-range SPACE 97 100 emit-range CR
.( spaces:[) 3 SPACES .( ] [) 0 SPACES .( ] [) -2 SPACES .( ]) CR
.( bl: ) BL . CR
