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

\ PROGRAMMING-TOOLS, FILE ACCESS and BLOCK words written in Forth.
0 CONSTANT R/O ( -- fam ) 1 CONSTANT W/O ( -- fam ) 2 CONSTANT R/W ( -- fam )
: BIN ( fam1 -- fam2 ) 4 OR ;
{BLK} CONSTANT BLK ( -- a-addr )
{SCR} CONSTANT SCR ( -- a-addr )
: FLUSH ( -- ) SAVE-BUFFERS EMPTY-BUFFERS ;
: THRU ( i*x u1 u2 -- j*x ) 1+ SWAP ?DO I LOAD LOOP ;
\ Floating point: structure fields for floats (FLOATING-POINT EXT).
: FFIELD: ( n1 "name" -- n2 ) FALIGNED CREATE DUP , 1 FLOATS + DOES> @ + ;
: DFFIELD: ( n1 "name" -- n2 ) DFALIGNED CREATE DUP , 1 DFLOATS + DOES> @ + ;
: SFFIELD: ( n1 "name" -- n2 ) SFALIGNED CREATE DUP , 1 SFLOATS + DOES> @ + ;
