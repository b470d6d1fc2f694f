\ gforth 0.7.3's extension words that are written in Forth: loaded at boot
\ after prelude.fs. Each word behaves as gforth's does (the reference is
\ gforth 0.7.3 with 32-bit cells); the README's GFORTH section lists them.
\ Words in braces are replaced at boot as in prelude.fs ({DP}, {DS_BASE},
\ {RS_BASE}, {FS_BASE}).

\ ---- Sizes and alignment ----
4 CONSTANT CELL ( -- u )   8 CONSTANT FLOAT ( -- u )
2 CONSTANT /W ( -- u )     4 CONSTANT /L ( -- u )
\ The strictest alignment any datum needs is a float's (8 bytes).
: MAXALIGNED ( addr1 -- addr2 ) 7 + -8 AND ;
SYNONYM CFALIGNED MAXALIGNED ( addr1 -- addr2 )
: MAXALIGN ( -- ) HERE MAXALIGNED HERE - ALLOT ;
SYNONYM CFALIGN MAXALIGN ( -- )
: NALIGNED ( addr1 n -- addr2 ) 1- TUCK + SWAP INVERT AND ;

\ ---- Characters ----
7 CONSTANT #BELL ( -- c )   8 CONSTANT #BS ( -- c )    13 CONSTANT #CR ( -- c )
127 CONSTANT #DEL ( -- c )  4 CONSTANT #EOF ( -- c )   12 CONSTANT #FF ( -- c )
10 CONSTANT #LF ( -- c )    9 CONSTANT #TAB ( -- c )
27 CONSTANT #ESC ( -- c )
\ The null address, as gforth names it.
0 CONSTANT NIL ( -- 0 )
CREATE (NEWLINE) 10 C,
: NEWLINE ( -- c-addr u ) (NEWLINE) 1 ;
: TOUPPER ( c1 -- c2 ) DUP [CHAR] a [CHAR] z 1+ WITHIN IF 32 - THEN ;

\ ---- Stack and memory ----
: NOOP ( -- ) ;
: PERFORM ( i*x a-addr -- j*x ) @ EXECUTE ;
: UNDER+ ( n1 n2 n3 -- n n2 ) ROT + SWAP ;
: 2NIP ( x1 x2 x3 x4 -- x3 x4 ) 2SWAP 2DROP ;
: 2TUCK ( x1 x2 x3 x4 -- x3 x4 x1 x2 x3 x4 ) 2SWAP 2OVER ;
: ON ( a-addr -- ) TRUE SWAP ! ;
: OFF ( a-addr -- ) FALSE SWAP ! ;
SYNONYM A! ! ( addr a-addr -- )
SYNONYM A, , ( addr -- )
: 2, ( x1 x2 -- ) HERE 2 CELLS ALLOT 2! ;
: UW@ ( c-addr -- u ) DUP C@ SWAP 1+ C@ 8 LSHIFT OR ;
SYNONYM W@ UW@ ( c-addr -- u )
: SW@ ( c-addr -- n ) UW@ $8000 XOR $8000 - ;
: W! ( w c-addr -- ) OVER 8 RSHIFT OVER 1+ C! C! ;
\ With 32-bit cells a 32-bit item is a cell; wasm loads need no alignment.
SYNONYM L@ @ ( c-addr -- u )    SYNONYM UL@ @ ( c-addr -- u )
SYNONYM SL@ @ ( c-addr -- n )   SYNONYM L! ! ( w c-addr -- )
{DP} CONSTANT DP ( -- a-addr )
VARIABLE WARNINGS ( -- a-addr )  -1 WARNINGS !
: CLEARSTACK ( i*x -- ) DEPTH 0 ?DO DROP LOOP ;
: CLEARSTACKS ( i*x -- ) ( F: i*r -- ) CLEARSTACK FDEPTH 0 ?DO FDROP LOOP ;
: ?STACK ( -- ) DEPTH 0< IF -4 THROW THEN FDEPTH 0< IF -45 THROW THEN ;
CREATE SP0 ( -- a-addr ) {DS_BASE} ,
CREATE RP0 ( -- a-addr ) {RS_BASE} ,
CREATE FP0 ( -- a-addr ) {FS_BASE} ,

\ ---- Extended characters: gforth's deferred xchar words ----
\ As in gforth, the encoding-dependent xchar words are deferred, so that a
\ program (gforth's own utf-8.fs) can install another encoding. The system's
\ words, always UTF-8, are (XEMIT) and the others; SET-ENCODING-FIXED-WIDTH
\ installs gforth's one-byte versions and SET-ENCODING-UTF-8 the system's.
SYNONYM (XEMIT) XEMIT ( xc -- )                 SYNONYM (XKEY) XKEY ( -- xc )
SYNONYM (XCHAR+) XCHAR+ ( xc-addr1 -- xc-addr2 ) SYNONYM (XCHAR-) XCHAR- ( xc-addr1 -- xc-addr2 )
SYNONYM (+X/STRING) +X/STRING ( xc-addr1 u1 -- xc-addr2 u2 )
SYNONYM (X\STRING-) X\STRING- ( xc-addr u1 -- xc-addr u2 )
SYNONYM (XC!+?) XC!+? ( xc xc-addr1 u1 -- xc-addr2 u2 f )
SYNONYM (XC@+) XC@+ ( xc-addr1 -- xc-addr2 xc )  SYNONYM (XC-SIZE) XC-SIZE ( xc -- u )
SYNONYM (X-SIZE) X-SIZE ( xc-addr u1 -- u2 )     SYNONYM (X-WIDTH) X-WIDTH ( xc-addr u -- n )
SYNONYM (-TRAILING-GARBAGE) -TRAILING-GARBAGE ( xc-addr u1 -- xc-addr u2 )
: (XC@) ( xc-addr -- xc ) (XC@+) NIP ;
: (CHAR@) ( c-addr u -- xc c-addr' u' ) OVER (XC@+) NIP >R (+X/STRING) R> -ROT ;
DEFER XEMIT ( xc -- )                 DEFER XKEY ( -- xc )
DEFER XCHAR+ ( xc-addr1 -- xc-addr2 ) DEFER XCHAR- ( xc-addr1 -- xc-addr2 )
DEFER +X/STRING ( xc-addr1 u1 -- xc-addr2 u2 )  DEFER X\STRING- ( xc-addr u1 -- xc-addr u2 )
DEFER XC@ ( xc-addr -- xc )           DEFER XC!+? ( xc xc-addr1 u1 -- xc-addr2 u2 f )
DEFER XC@+ ( xc-addr1 -- xc-addr2 xc ) DEFER XC-SIZE ( xc -- u )
DEFER X-SIZE ( xc-addr u1 -- u2 )     DEFER X-WIDTH ( xc-addr u -- n )
DEFER -TRAILING-GARBAGE ( xc-addr u1 -- xc-addr u2 )
DEFER CHAR@ ( c-addr u -- xc c-addr' u' )
: SET-ENCODING-UTF-8 ( -- )
  ['] (XEMIT) IS XEMIT  ['] (XKEY) IS XKEY  ['] (XCHAR+) IS XCHAR+  ['] (XCHAR-) IS XCHAR-
  ['] (+X/STRING) IS +X/STRING  ['] (X\STRING-) IS X\STRING-  ['] (XC@) IS XC@
  ['] (XC!+?) IS XC!+?  ['] (XC@+) IS XC@+  ['] (XC-SIZE) IS XC-SIZE  ['] (X-SIZE) IS X-SIZE
  ['] (X-WIDTH) IS X-WIDTH  ['] (-TRAILING-GARBAGE) IS -TRAILING-GARBAGE  ['] (CHAR@) IS CHAR@ ;
SET-ENCODING-UTF-8
\ gforth's fixed-width versions: one byte is one character.
: +STRING ( c-addr1 u1 -- c-addr2 u2 ) 1 /STRING ;
: STRING- ( c-addr u1 -- c-addr u2 ) 1- ;
: C!+? ( c c-addr1 u1 -- c-addr2 u2 f )
  DUP 1 U< IF ROT DROP FALSE ELSE >R DUP >R C! R> R> 1 /STRING TRUE THEN ;
: C-SIZE ( c -- 1 ) DROP 1 ;
: (C-CHAR@) ( c-addr u -- c c-addr' u' ) OVER C@ -ROT 1 /STRING ;
: SET-ENCODING-FIXED-WIDTH ( -- )
  ['] EMIT IS XEMIT  ['] KEY IS XKEY  ['] 1+ IS XCHAR+  ['] 1- IS XCHAR-
  ['] +STRING IS +X/STRING  ['] STRING- IS X\STRING-  ['] C@ IS XC@  ['] C!+? IS XC!+?
  ['] COUNT IS XC@+  ['] C-SIZE IS XC-SIZE  ['] C-SIZE IS X-SIZE  ['] NIP IS X-WIDTH
  ['] NOOP IS -TRAILING-GARBAGE  ['] (C-CHAR@) IS CHAR@ ;
\ gforth's start-up hook: programs chain their own start-up to it (utf-8.fs);
\ it runs nothing here, where a program starts with its first line.
DEFER 'COLD ( -- )  ' NOOP IS 'COLD

\ ---- Double-cell comparisons ----
: D<> ( xd1 xd2 -- flag ) D= 0= ;
: D> ( d1 d2 -- flag ) 2SWAP D< ;
: D<= ( d1 d2 -- flag ) 2SWAP D< 0= ;
: D>= ( d1 d2 -- flag ) D< 0= ;
: D0<> ( xd -- flag ) D0= 0= ;
: D0> ( d -- flag ) 0. 2SWAP D< ;
: D0<= ( d -- flag ) 0. 2SWAP D< 0= ;
: D0>= ( d -- flag ) D0< 0= ;
: DU> ( ud1 ud2 -- flag ) 2SWAP DU< ;
: DU<= ( ud1 ud2 -- flag ) 2SWAP DU< 0= ;
: DU>= ( ud1 ud2 -- flag ) DU< 0= ;
SYNONYM DU= D= ( xd1 xd2 -- flag )
SYNONYM DU<> D<> ( xd1 xd2 -- flag )

\ ---- Strings ----
: BOUNDS ( addr u -- addr+u addr ) OVER + SWAP ;
: PLACE ( c-addr1 u c-addr2 -- ) 2DUP C! CHAR+ SWAP MOVE ;
: +PLACE ( c-addr1 u c-addr2 -- )
  DUP >R COUNT + SWAP DUP >R MOVE  R> R> DUP C@ ROT + SWAP C! ;
: SCAN ( c-addr1 u1 char -- c-addr2 u2 )
  >R BEGIN DUP WHILE OVER C@ R@ <> WHILE 1 /STRING REPEAT THEN RDROP ;
: SKIP ( c-addr1 u1 char -- c-addr2 u2 )
  >R BEGIN DUP WHILE OVER C@ R@ = WHILE 1 /STRING REPEAT THEN RDROP ;
: STRING, ( c-addr u -- ) DUP C, HERE SWAP DUP ALLOT MOVE ;
SYNONYM S, STRING, ( c-addr u -- )
: STR= ( c-addr1 u1 c-addr2 u2 -- flag ) COMPARE 0= ;
: STR< ( c-addr1 u1 c-addr2 u2 -- flag ) COMPARE 0< ;
: STRING-PREFIX? ( c-addr1 u1 c-addr2 u2 -- flag ) TUCK 2>R MIN 2R> STR= ;
: CAPSCOMPARE ( c-addr1 u1 c-addr2 u2 -- n )
  ROT 2DUP 2>R MIN 0 ?DO ( a1 a2 )
    OVER I + C@ TOUPPER OVER I + C@ TOUPPER - ?DUP IF
      NIP NIP 0< 2* 1+ UNLOOP 2RDROP EXIT THEN
  LOOP 2DROP 2R> SWAP - DUP IF 0< 2* 1+ THEN ;
: SAVE-MEM ( addr1 u -- addr2 u ) DUP ALLOCATE THROW SWAP 2DUP 2>R MOVE 2R> ;
: CSTRING>SSTRING ( c-addr -- c-addr u ) DUP BEGIN DUP C@ WHILE CHAR+ REPEAT OVER - ;
\ Like ." with S\" escapes; interpreted, it displays the text at once.
: .\" ( "ccc<quote>" -- ) POSTPONE S\" STATE @ IF POSTPONE TYPE ELSE TYPE THEN ; IMMEDIATE

\ ---- Numbers ----
: HEX. ( u -- ) [CHAR] $ EMIT BASE @ >R HEX U. R> BASE ! ;
: DEC. ( n -- ) BASE @ >R DECIMAL . R> BASE ! ;
: DEC.R ( n width -- ) BASE @ >R DECIMAL .R R> BASE ! ;
: UD. ( ud -- ) <# #S #> TYPE SPACE ;
: UD.R ( ud width -- ) >R <# #S #> R> OVER - SPACES TYPE ;
: <<# ( -- ) \ starts a pictured output below the current one, saving its end
  HLD @ 4 - (HOLD-END) @ OVER ! DUP (HOLD-END) ! HLD ! ;
: #>> ( -- ) (HOLD-END) @ DUP CELL+ HLD ! @ (HOLD-END) ! ;
: DIGIT? ( char -- digit true | false )
  TOUPPER [CHAR] 0 - DUP 9 U> IF 7 - DUP 9 U<= IF DROP FALSE EXIT THEN THEN
  DUP BASE @ U< IF TRUE ELSE DROP FALSE THEN ;
VARIABLE DPL ( -- a-addr )  -1 DPL !
CREATE (BASES) 10 , 16 , 2 , 10 ,
: (PREFIX) ( c-addr u -- c-addr' u' ) \ 0x, 0X, #, $, % and & choose the base
  2DUP S" 0x" STRING-PREFIX? >R 2DUP S" 0X" STRING-PREFIX? R> OR
  BASE @ 34 < AND IF HEX 2 /STRING THEN
  DUP IF OVER C@ [CHAR] # - DUP 4 U< IF CELLS (BASES) + @ BASE ! 1 /STRING EXIT THEN DROP THEN ;
: (MINUS?) ( c-addr u -- c-addr' u' flag )
  DUP IF OVER C@ [CHAR] - = DUP IF >R 1 /STRING R> THEN EXIT THEN FALSE ;
: (CHAR-NUMBER) ( c-addr u -- ud flag ) \ after a ': x or x' is the char x
  DUP 0= IF FALSE EXIT THEN
  OVER XC@+ >R 2 PICK - /STRING R> 0 2SWAP S" '" 2SWAP STRING-PREFIX? ;
: (DIGITS) ( ud c-addr u -- ud' flag ) \ digits, with dots anywhere after one
  BEGIN DUP >R >NUMBER DUP WHILE
    DUP R> = IF 2DROP FALSE EXIT THEN
    DUP 1- DPL !  OVER C@ [CHAR] . <> IF 2DROP FALSE EXIT THEN
    1 /STRING
  REPEAT RDROP 2DROP TRUE ;
: S>UNUMBER? ( c-addr u -- ud flag )
  -1 DPL !  DUP IF OVER C@ [CHAR] ' = IF 1 /STRING (CHAR-NUMBER) EXIT THEN THEN
  BASE @ >R (PREFIX) (MINUS?) >R
  DUP 0= IF 2DROP RDROP R> BASE ! 0. FALSE EXIT THEN
  0. 2SWAP (DIGITS) IF R> IF DNEGATE THEN TRUE ELSE RDROP FALSE THEN
  R> BASE ! ;
: S>NUMBER? ( c-addr u -- d flag )
  (MINUS?) >R S>UNUMBER? IF R> IF DNEGATE THEN TRUE ELSE RDROP FALSE THEN ;

\ ---- Floating point ----
3.141592653589793E0 FCONSTANT PI ( F: -- r )
: F2* ( F: r1 -- r2 ) 2E0 F* ;
: F2/ ( F: r1 -- r2 ) 0.5E0 F* ;
: 1/F ( F: r1 -- r2 ) 1E0 FSWAP F/ ;
: F**2 ( F: r1 -- r2 ) FDUP F* ;
: FM* ( n -- ) ( F: r1 -- r2 ) S>F F* ;
: FM/ ( n -- ) ( F: r1 -- r2 ) S>F F/ ;
: FM*/ ( n1 n2 -- ) ( F: r1 -- r2 ) SWAP S>F F* S>F F/ ;
: F~ABS ( -- flag ) ( F: r1 r2 r3 -- ) FROT FROT F- FABS FSWAP F< ;
: F~REL ( -- flag ) ( F: r1 r2 r3 -- ) \ |r1-r2| < r3*|r1+r2|
  FROT FROT FOVER FABS FOVER FABS F+ FROT FROT F- FABS FROT FROT F* F< ;
: V* ( f-addr1 nstride1 f-addr2 nstride2 ucount -- ) ( F: -- r )
  {: x sx y sy n :} 0E0 n 0 ?DO x F@ y F@ F* F+  x sx + TO x  y sy + TO y LOOP ;
: FAXPY ( f-addr1 nstride1 f-addr2 nstride2 ucount -- ) ( F: ra -- ) \ y += ra*x
  {: x sx y sy n :} n 0 ?DO FDUP x F@ F* y F@ F+ y F!  x sx + TO x  y sy + TO y LOOP FDROP ;

\ ---- Files ----
: SLURP-FID ( fileid -- c-addr u ) \ reads to the end, growing an ALLOCATEd buffer
  >R 0 0 BEGIN ( addr u )
    SWAP OVER 1024 + RESIZE THROW SWAP
    2DUP + 1024 R@ READ-FILE THROW DUP
  WHILE + REPEAT DROP RDROP ;
: SLURP-FILE ( c-addr1 u1 -- c-addr2 u2 )
  R/O BIN OPEN-FILE THROW DUP >R SLURP-FID R> CLOSE-FILE THROW ;
: BASE-EXECUTE ( i*x xt u -- j*x )
  BASE @ >R BASE ! CATCH R> BASE ! THROW ;
CREATE (EMIT-BUF) 0 ,
: EMIT-FILE ( char fileid -- ior ) SWAP (EMIT-BUF) C! (EMIT-BUF) 1 ROT WRITE-FILE ;

\ ---- The system and its environment ----
\ Without a terminal, gforth assumes 24 rows of 80 columns.
: FORM ( -- urows ucols ) 24 80 ;
\ gforth's wcwidth is the C library's in the C locale: printable ASCII is
\ one column wide, NUL none, anything else unknown (-1).
: WCWIDTH ( u -- n ) DUP 0= IF EXIT THEN 32 127 WITHIN IF 1 ELSE -1 THEN ;
\ The value is copied to ALLOCATEd memory; an unset variable gives 0 0.
: GETENV ( c-addr1 u1 -- c-addr2 u2 )
  2DUP 0 0 (GETENV) DUP 0< IF DROP 2DROP 0 0 EXIT THEN
  DUP ALLOCATE THROW SWAP 2>R 2R@ (GETENV) DROP 2R> ;
: ROWS ( -- u ) FORM DROP ;
: COLS ( -- u ) FORM NIP ;
: BELL ( -- ) #BELL EMIT ;

\ ---- gforth's older words that programs still use (untagged in 0.7.3) ----
SYNONYM CHAR- 1- ( c-addr1 -- c-addr2 )
: UMIN ( u1 u2 -- u ) 2DUP U> IF SWAP THEN DROP ;
: S>NUMBER ( c-addr u -- d ) S>NUMBER? DROP ;
\ A single (-1), a double (its digits after the point plus one), or 0.
: SNUMBER? ( c-addr u -- 0 | n -1 | d +n )
  S>NUMBER? 0= IF 2DROP FALSE EXIT THEN DPL @ DUP 0< IF NIP ELSE 1+ THEN ;
: ," ( "ccc<quote>" -- ) [CHAR] " PARSE STRING, ;
: CONVERT ( ud1 c-addr1 -- ud2 c-addr2 ) CHAR+ BEGIN 1 >NUMBER 0= WHILE REPEAT ;
: FMOD ( F: r1 r2 -- r3 ) FOVER FOVER F/ FTRUNC F* F- ;
\ Forth-94's obsolescent line input: ACCEPT, with the length kept in SPAN.
VARIABLE SPAN ( -- a-addr )
: EXPECT ( c-addr +n -- ) ACCEPT SPAN ! ;
\ The sign of n (gforth's image has it from its line editor).
: SGN ( n -- -1|0|1 ) DUP 0< SWAP 0> - ;
\ The terminal input buffer of older standards is the current input
\ buffer, as in gforth; storing into #TIB changes the length SOURCE gives.
: TIB ( -- c-addr ) SOURCE DROP ;
{SOURCE_LEN} CONSTANT #TIB ( -- a-addr )
\ gforth runs this when an image starts on a terminal; a program only
\ ever replaces it.
DEFER BOOTMESSAGE ( -- )  ' NOOP IS BOOTMESSAGE

\ ---- struct.fs: a type is its alignment and size ( align size ) ----
\ FIELD is in gforth/compile.fs, on gforth's factors (CREATE-FIELD, ...).
: END-STRUCT ( align size "name" -- ) OVER NALIGNED 2CONSTANT ;
1 0 END-STRUCT STRUCT ( -- align size )
4 4 2CONSTANT CELL% ( -- align size )
1 1 2CONSTANT CHAR% ( -- align size )
8 8 2CONSTANT FLOAT% ( -- align size )
8 8 2CONSTANT DFLOAT% ( -- align size )
4 4 2CONSTANT SFLOAT% ( -- align size )
4 8 2CONSTANT DOUBLE% ( -- align size )
SYNONYM %ALIGNMENT DROP ( align size -- align )
SYNONYM %SIZE NIP ( align size -- size )
: %ALIGN ( align size -- ) DROP HERE SWAP NALIGNED HERE - ALLOT ;
: %ALLOT ( align size -- addr ) TUCK %ALIGN HERE SWAP ALLOT ;
: %ALLOCATE ( align size -- addr ior ) NIP ALLOCATE ;
: %ALLOC ( align size -- addr ) %ALLOCATE THROW ;
: 2FIELD: ( n1 "name" -- n2 ) ALIGNED 2 CELLS +FIELD ;
\ gforth's documentation comment: the rest of the line is glossary text.
: \G ( "ccc<eol>" -- ) POSTPONE \ ; IMMEDIATE

\ ---- Display, blocks and codes ----
\ Like TYPE, but each character shows as white space (a tab stays a tab).
: TYPEWHITE ( c-addr u -- ) 0 MAX BOUNDS ?DO I C@ #TAB = IF #TAB ELSE BL THEN EMIT LOOP ;
\ In a block: load blocks relative to the one being loaded.
: +LOAD ( i*x n -- j*x ) BLK @ + LOAD ;
: +THRU ( i*x n1 n2 -- j*x ) 1+ SWAP ?DO I +LOAD LOOP ;
-2049 CONSTANT BROKEN-PIPE-ERROR ( -- n )

\ ---- The command line (see command_line.rs) ----
\ ARGV holds the address of a C-style array of ARGC pointers to
\ zero-terminated strings, 0 ARG first. The host replaces both with the
\ real command line (Forth::set_args); without one, as in the browser,
\ there is only 0 ARG, the name "fastforth".
VARIABLE ARGC ( -- a-addr )  1 ARGC !
CREATE (NO-ARGS) HERE 2 CELLS + , 0 ,
  PARSE-NAME fastforth HERE SWAP DUP ALLOT MOVE 0 C, ALIGN
VARIABLE ARGV ( -- a-addr )  (NO-ARGS) ARGV !
: CSTRING>SSTRING ( c-addr -- c-addr u )
  DUP BEGIN DUP C@ WHILE CHAR+ REPEAT OVER - ;
\ Beyond the last argument (any u >= ARGC, -1 too) is the empty string 0 0.
: ARG ( u -- c-addr u )
  DUP ARGC @ U< 0= IF DROP 0 0 EXIT THEN CELLS ARGV @ + @ CSTRING>SSTRING ;
\ Drops 1 ARG: the array starts one cell later, with 0 ARG moved up.
: SHIFT-ARGS ( -- )
  ARGC @ 2 < IF EXIT THEN ARGV @ @ CELL ARGV +! ARGV @ ! -1 ARGC +! ;
: NEXT-ARG ( -- c-addr u ) 1 ARG SHIFT-ARGS ;
SYNONYM ARGS-EVALUATE EVALUATE ( i*x c-addr u -- j*x )
SYNONYM ARGS-REQUIRED REQUIRED ( i*x c-addr u -- i*x )

\ ---- Floats on the return stack ----
\ Later gforths have these; gforth 0.7.3 does not, and libraries written for
\ both (ffl) define them on the return addresses when they are missing,
\ which cannot work here. A float takes two cells of the return stack.
: F>R ( F: r -- ) ( R: -- r ) POSTPONE (FBITS) POSTPONE 2>R ; IMMEDIATE COMPILE-ONLY
: FR> ( F: -- r ) ( R: r -- ) POSTPONE 2R> POSTPONE (FLIT) ; IMMEDIATE COMPILE-ONLY
: FR@ ( F: -- r ) ( R: r -- r ) POSTPONE 2R@ POSTPONE (FLIT) ; IMMEDIATE COMPILE-ONLY

\ ---- Bits of a character in memory, memory into data space ----
: CSET ( c c-addr -- ) TUCK C@ OR SWAP C! ;
: CRESET ( c c-addr -- ) TUCK C@ SWAP INVERT AND SWAP C! ;
: CTOGGLE ( c c-addr -- ) TUCK C@ XOR SWAP C! ;
: MEM, ( addr u -- ) HERE OVER ALLOT SWAP MOVE ;

\ ---- DEFINED and the compiler-security pair of older Forths ----
: DEFINED ( "name" -- flag ) BL WORD FIND NIP 0<> ;
VARIABLE CSP ( -- a-addr )
: !CSP ( -- ) SP@ CSP ! ;
: ?CSP ( -- ) SP@ CSP @ <> -22 AND THROW ;
