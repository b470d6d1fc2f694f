\ conf_coreext.fs -- T{ }T conformance cases for return stack words (>R R> R@ 2>R 2R> 2R@) and assorted CORE EXT words (?DO AGAIN PAD ERASE UNUSED TRUE FALSE HEX)
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ >R R> R@
: r1 ( x -- x ) >R R> ;
: r2 ( x -- x x ) >R R@ R> ;
: r3 ( a b -- a b ) >R >R R> R> ;
: r4 ( a b c -- a b c ) >R >R >R R> R> R> ;
T{ 5 r1 -> 5 }T
T{ min-n r1 -> min-n }T
T{ -1 r2 -> -1 -1 }T
T{ 1 2 r3 -> 1 2 }T
T{ 1 2 3 r4 -> 1 2 3 }T
\ 2>R 2R> 2R@ keep the pair in order
: r5 ( a b -- a b ) 2>R 2R> ;
: r6 ( a b -- a b a b ) 2>R 2R@ 2R> ;
: r7 ( a b -- b ) 2>R R> R> DROP ;
: r8 ( a b -- a b ) SWAP >R >R 2R> ;
T{ 1 2 r5 -> 1 2 }T
T{ 1 2 r6 -> 1 2 1 2 }T
T{ 1 2 r7 -> 2 }T
T{ 1 2 r8 -> 1 2 }T
T{ min-n max-u r6 -> min-n max-u min-n max-u }T
\ values on the return stack inside a DO loop body
: r9 ( -- sum ) 0 4 0 DO I 10 * >R R@ + R> + LOOP ;
T{ r9 -> 120 }T
\ ?DO AGAIN
: q1 ( n -- count ) 0 SWAP 0 ?DO 1+ LOOP ;
T{ 0 q1 -> 0 }T
T{ 5 q1 -> 5 }T
: q2 ( limit start -- count ) 0 ROT ROT ?DO 1+ LOOP ;
T{ 10 10 q2 -> 0 }T
T{ 10 7 q2 -> 3 }T
T{ min-n max-n q2 -> 1 }T
: ag ( -- n ) 1 BEGIN 2* DUP 1000 > IF EXIT THEN AGAIN ;
T{ ag -> 1024 }T
\ PAD ERASE
T{ PAD 10 CHARS 65 FILL PAD 9 CHARS + C@ -> 65 }T
T{ PAD 10 CHARS ERASE PAD C@ PAD 9 CHARS + C@ -> 0 0 }T
T{ PAD 0 ERASE -> }T
T{ S" pad" PAD SWAP MOVE PAD C@ PAD CHAR+ C@ -> CHAR p CHAR a }T
\ UNUSED
T{ UNUSED 0> -> TRUE }T
T{ UNUSED 4 CELLS ALLOT UNUSED - -> 4 CELLS }T
\ TRUE FALSE
T{ TRUE FALSE -> -1 0 }T
T{ TRUE INVERT -> FALSE }T
T{ TRUE 0= -> FALSE }T
\ HEX DECIMAL
T{ HEX 1F DECIMAL -> 31 }T
T{ HEX A DECIMAL -> 10 }T
\ VALUE and TO interplay with words compiled earlier
1 VALUE vx
: read-vx vx ;
T{ read-vx -> 1 }T
T{ 2 TO vx read-vx -> 2 }T
T{ min-n TO vx read-vx -> min-n }T
\ CASE with computed selectors
: cs ( n -- m ) CASE 1 1 + OF 20 ENDOF max-n OF 30 ENDOF 0 SWAP ENDCASE ;
T{ 2 cs -> 20 }T
T{ max-n cs -> 30 }T
T{ 5 cs -> 0 }T
\ :NONAME and EXECUTE
T{ :NONAME DUP + ; 21 SWAP EXECUTE -> 42 }T
\ C" and PARSE-NAME
: cq C" abc" ;
T{ cq COUNT NIP -> 3 }T
: pn2 ( "name" -- u ) PARSE-NAME NIP ;
T{ pn2 abcdef -> 6 }T
\ .( does not disturb the stack
T{ 1 .( ) 2 -> 1 2 }T
\ \ comment inside a T{ }T line
T{ 3 -> 3 }T \ this text is ignored -> 4 }T

REPORT
