\ conf_strings.fs -- T{ }T conformance cases for strings and parsing: S" C" S\" COUNT CHAR [CHAR] BL WORD PARSE PARSE-NAME >IN SOURCE >NUMBER
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ a string comparison helper (no STRING word set needed)
: same-str ( a1 u1 a2 u2 -- f )
   ROT OVER <> IF DROP 2DROP FALSE EXIT THEN
   0 ?DO OVER I CHARS + C@ OVER I CHARS + C@ <> IF 2DROP FALSE UNLOOP EXIT THEN LOOP
   2DROP TRUE ;
T{ S" abc" S" abc" same-str -> TRUE }T
T{ S" abc" S" abd" same-str -> FALSE }T
T{ S" abc" S" ab" same-str -> FALSE }T
\ S"
: s1 S" hello" ;
: s-empty S" " ;
T{ s1 NIP -> 5 }T
T{ s1 DROP C@ -> CHAR h }T
T{ s1 DROP 4 CHARS + C@ -> CHAR o }T
T{ s-empty NIP -> 0 }T
T{ s1 DROP s1 DROP = -> TRUE }T
T{ S" a b" NIP -> 3 }T
\ C" COUNT (C" is CORE EXT)
: c1 C" xyz" ;
: c-empty C" " ;
T{ c1 C@ -> 3 }T
T{ c1 COUNT NIP -> 3 }T
T{ c1 COUNT DROP C@ -> CHAR x }T
T{ c1 COUNT S" xyz" same-str -> TRUE }T
T{ c1 COUNT DROP c1 CHAR+ = -> TRUE }T
T{ c-empty COUNT NIP -> 0 }T
\ S\" (CORE EXT) escapes
: e1 S\" a\tb" ;
T{ e1 NIP -> 3 }T
T{ e1 DROP CHAR+ C@ -> 9 }T
: e2 S\" \"\\\x41\z" ;
T{ e2 NIP -> 4 }T
T{ e2 DROP C@ -> 34 }T
T{ e2 DROP CHAR+ C@ -> 92 }T
T{ e2 DROP 2 CHARS + C@ -> 65 }T
T{ e2 DROP 3 CHARS + C@ -> 0 }T
: e3 S\" \a\b\e\f\l\q\r\v" ;
T{ e3 NIP -> 8 }T
T{ e3 DROP DUP C@ SWAP 7 CHARS + C@ -> 7 11 }T
: e4 S\" \m" ;
T{ e4 NIP -> 2 }T
T{ e4 DROP DUP C@ SWAP CHAR+ C@ -> 13 10 }T
\ CHAR [CHAR] BL
T{ CHAR A -> 65 }T
T{ CHAR abc -> 97 }T
T{ CHAR " -> 34 }T
T{ BL -> 32 }T
: bc1 [CHAR] Z ;
: bc2 [CHAR] (( ;
T{ bc1 -> 90 }T
T{ bc2 -> 40 }T
\ WORD returns a counted string
: wrd ( "name" -- c-addr ) BL WORD ;
T{ wrd hello COUNT S" hello" same-str -> TRUE }T
T{ wrd    spaced COUNT S" spaced" same-str -> TRUE }T
T{ wrd x C@ -> 1 }T
: wrd-comma ( "ccc," -- c-addr u ) [CHAR] , WORD COUNT ;
T{ wrd-comma ,,a b, S" a b" same-str -> TRUE }T
\ PARSE (CORE EXT) does not skip leading delimiters
: prs ( "ccc<paren>" -- c-addr u ) [CHAR] ) PARSE ;
T{ prs abc) S" abc" same-str -> TRUE }T
T{ prs ) NIP -> 0 }T
T{ prs  lead) S"  lead" same-str -> TRUE }T
\ PARSE-NAME (CORE EXT) skips leading spaces
: pname ( "name" -- c-addr u ) PARSE-NAME ;
T{ pname    name1 S" name1" same-str -> TRUE }T
T{ pname a NIP -> 1 }T
\ >IN SOURCE
T{ SOURCE NIP 0> -> TRUE }T
T{ >IN @ 0> -> TRUE }T
T{ SOURCE DROP C@ -> CHAR T }T
: in-now ( -- n ) >IN @ ;
T{ in-now -> 10 }T
VARIABLE hits  0 hits !
: again-once ( -- ) 1 hits +! hits @ 2 < IF 0 >IN ! THEN ;
again-once T{ hits @ -> 2 }T
: skip-line ( -- ) SOURCE NIP >IN ! ;
T{ 1 2 -> 1 2 }T skip-line T{ this would be a failure -> }T
\ >NUMBER ( ud c-addr u -- ud' c-addr' u' )
: n> ( c-addr u -- ud-lo ud-hi u' ) 0 0 2SWAP >NUMBER NIP ;
T{ S" 0" n> -> 0 0 0 }T
T{ S" 123" n> -> 123 0 0 }T
T{ S" 12a" n> -> 12 0 1 }T
T{ S" " n> -> 0 0 0 }T
T{ S" -1" n> -> 0 0 2 }T
T{ S" 4294967295" n> -> max-u 0 0 }T
T{ S" 4294967296" n> -> 0 1 0 }T
T{ S" 2147483648" n> -> min-n 0 0 }T
T{ 5 0 S" 7" >NUMBER NIP NIP -> 57 0 }T
T{ S" 12x4" 0 0 2SWAP >NUMBER DROP C@ NIP NIP -> CHAR x }T
: hex-n> ( c-addr u -- ud-lo ud-hi u' ) BASE @ >R HEX n> R> BASE ! ;
T{ S" FF" hex-n> -> 255 0 0 }T
T{ S" ff" hex-n> -> 255 0 0 }T
T{ S" FFFFFFFFFFFFFFFF" hex-n> -> max-u max-u 0 }T
T{ S" 1G" hex-n> -> 1 0 1 }T
: bin-n> ( c-addr u -- ud-lo ud-hi u' ) BASE @ >R 2 BASE ! n> R> BASE ! ;
T{ S" 1011" bin-n> -> 11 0 0 }T
T{ S" 102" bin-n> -> 2 0 1 }T
: b36-n> ( c-addr u -- ud-lo ud-hi u' ) BASE @ >R 36 BASE ! n> R> BASE ! ;
T{ S" ZZ" b36-n> -> 1295 0 0 }T
T{ S" z" b36-n> -> 35 0 0 }T
\ number literals (Forth 2012 prefixes)
T{ #10 -> 10 }T
T{ $10 -> 16 }T
T{ %10 -> 2 }T
T{ #-10 -> -10 }T
T{ $-10 -> -16 }T
T{ %-10 -> -2 }T
T{ 'A' -> 65 }T
T{ 'z' -> 122 }T
T{ $FFFFFFFF -> -1 }T
T{ -0 -> 0 }T
T{ HEX 10 DECIMAL -> 16 }T
T{ HEX #10 DECIMAL -> 10 }T
T{ BASE @ -> 10 }T

REPORT
