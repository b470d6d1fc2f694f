\ The prelude: words of the system written in Forth itself.
\ It is loaded at boot, before any user program; {HOLD_END} and {HOLD_START}
\ are replaced with the addresses of the pictured numeric output buffer.

: DECIMAL ( -- ) 10 BASE ! ;
: HEX ( -- ) 16 BASE ! ;
: SPACE ( -- ) BL EMIT ;
: SPACES ( n -- ) BEGIN DUP 0> WHILE SPACE 1- REPEAT DROP ;

: <# ( -- ) {HOLD_END} HLD ! ;
: HOLD ( char -- ) HLD @ 1- DUP {HOLD_START} < IF -17 THROW THEN DUP HLD ! C! ;
: HOLDS ( c-addr u -- ) BEGIN DUP WHILE 1- 2DUP + C@ HOLD REPEAT 2DROP ;
: SIGN ( n -- ) 0< IF [CHAR] - HOLD THEN ;
: UD/MOD ( ud u -- urem ud' ) >R 0 R@ UM/MOD R> SWAP >R UM/MOD R> ;
: # ( ud -- ud' ) BASE @ UD/MOD ROT DUP 9 > IF 7 + THEN [CHAR] 0 + HOLD ;
: #S ( ud -- 0 0 ) BEGIN # 2DUP OR 0= UNTIL ;
: #> ( ud -- c-addr u ) 2DROP HLD @ {HOLD_END} OVER - ;

: . ( n -- ) DUP ABS 0 <# #S ROT SIGN #> TYPE SPACE ;
: U. ( u -- ) 0 <# #S #> TYPE SPACE ;
: .R ( n width -- ) >R DUP ABS 0 <# #S ROT SIGN #> R> OVER - SPACES TYPE ;
: U.R ( u width -- ) >R 0 <# #S #> R> OVER - SPACES TYPE ;
: ? ( a-addr -- ) @ . ;
: /STRING ( c-addr u n -- c-addr' u' ) ROT OVER + -ROT - ;

\ ---- DOUBLE, STRING, FACILITY: the words written in Forth ----
: 2CONSTANT ( x1 x2 "name" -- ) CREATE , , DOES> 2@ ;
: 2VARIABLE ( "name" -- ) CREATE 0 , 0 , ;
: 2LITERAL ( x1 x2 -- ) SWAP POSTPONE LITERAL POSTPONE LITERAL ; IMMEDIATE
: 2ROT ( x1 x2 x3 x4 x5 x6 -- x3 x4 x5 x6 x1 x2 ) 2>R 2SWAP 2R> 2SWAP ;
: D. ( d -- ) TUCK DABS <# #S ROT SIGN #> TYPE SPACE ;
: D.R ( d n -- ) >R TUCK DABS <# #S ROT SIGN #> R> OVER - SPACES TYPE ;

: -TRAILING ( c-addr u1 -- c-addr u2 )
  BEGIN DUP WHILE 2DUP + 1- C@ BL <> IF EXIT THEN 1- REPEAT ;
: BLANK ( c-addr u -- ) BL FILL ;

: BEGIN-STRUCTURE ( "name" -- struct-sys 0 ) CREATE HERE 0 0 , DOES> @ ;
: END-STRUCTURE ( struct-sys +n -- ) SWAP ! ;
: +FIELD ( n1 n2 "name" -- n3 ) CREATE OVER , + DOES> @ + ;
: FIELD: ( n1 "name" -- n2 ) ALIGNED 1 CELLS +FIELD ;
: CFIELD: ( n1 "name" -- n2 ) 1 CHARS +FIELD ;
: EKEY ( -- x ) KEY ;
: EKEY? ( -- flag ) KEY? ;
: EKEY>CHAR ( x -- char true | x false ) DUP 0 256 WITHIN ;
: AT-XY ( col row -- ) 27 EMIT [CHAR] [ EMIT 1+ 0 U.R [CHAR] ; EMIT 1+ 0 U.R [CHAR] H EMIT ;
: PAGE ( -- ) 27 EMIT ." [2J" 27 EMIT ." [H" ;
