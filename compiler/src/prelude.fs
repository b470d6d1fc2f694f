\ The prelude: words of the system written in Forth itself.
\ It is loaded at boot, before any user program. Words in braces are
\ replaced first: {HOLD_END} and {HOLD_START} with the addresses of the
\ pictured numeric output buffer, {HEAP_...} with the heap's bounds and
\ format constants, and {..._IOR} with THROW codes (runtime's).

\ As in gforth, TYPE, EMIT, KEY and KEY? are deferred words: a program
\ redirects them with IS. (TYPE) and the others are the system's own.
SYNONYM (TYPE) TYPE ( c-addr u -- )
SYNONYM (EMIT) EMIT ( c -- )
SYNONYM (KEY) KEY ( -- c )
SYNONYM (KEY?) KEY? ( -- flag )
DEFER TYPE ( c-addr u -- )  ' (TYPE) IS TYPE
DEFER EMIT ( c -- )  ' (EMIT) IS EMIT
DEFER KEY ( -- c )  ' (KEY) IS KEY
DEFER KEY? ( -- flag )  ' (KEY?) IS KEY?

: DECIMAL ( -- ) 10 BASE ! ;
: HEX ( -- ) 16 BASE ! ;
: SPACE ( -- ) BL EMIT ;
\ As in gforth, SPACES types blanks, at most 80 at a time, from a buffer.
CREATE (BLANKS) ( -- c-addr ) 80 ALLOT  (BLANKS) 80 BL FILL
: SPACES ( n -- ) BEGIN DUP 0> WHILE DUP 80 MIN (BLANKS) OVER TYPE - REPEAT DROP ;

\ The end of the current pictured output: gforth's <<# and #>> nest them.
CREATE (HOLD-END) ( -- a-addr ) {HOLD_END} ,
: <# ( -- ) (HOLD-END) @ HLD ! ;
: HOLD ( char -- ) HLD @ 1- DUP {HOLD_START} < IF -17 THROW THEN DUP HLD ! C! ;
: HOLDS ( c-addr u -- ) BEGIN DUP WHILE 1- 2DUP + C@ HOLD REPEAT 2DROP ;
: SIGN ( n -- ) 0< IF [CHAR] - HOLD THEN ;
: UD/MOD ( ud u -- urem ud' ) >R 0 R@ UM/MOD R> SWAP >R UM/MOD R> ;
: # ( ud -- ud' ) BASE @ UD/MOD ROT DUP 9 > IF 7 + THEN [CHAR] 0 + HOLD ;
: #S ( ud -- 0 0 ) BEGIN # 2DUP OR 0= UNTIL ;
: #> ( ud -- c-addr u ) 2DROP HLD @ (HOLD-END) @ OVER - ;

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
\ ---- DOUBLE, STRING, FACILITY: the words written in Forth ----
: 2CONSTANT ( x1 x2 "name" -- ) CREATE , , DOES> 2@ ;
: 2VARIABLE ( "name" -- ) CREATE 0 , 0 , ;
: 2LITERAL ( x1 x2 -- ) SWAP POSTPONE LITERAL POSTPONE LITERAL ; IMMEDIATE
\ gforth's control-flow shorthands: BUT swaps the two entries on top, YET
\ copies the dest on top.
: BUT ( cs1 cs2 -- cs2 cs1 ) 1 CS-ROLL ; IMMEDIATE RESTRICT
: YET ( dest -- dest dest ) 0 CS-PICK ; IMMEDIATE RESTRICT
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
\ Keyboard events: EKEY decodes the terminal's escape sequences (ESC [ and
\ ESC O, with xterm's modifier parameter) into the K- key codes (gforth's).
$80000000 CONSTANT K-LEFT     $80000001 CONSTANT K-RIGHT
$80000002 CONSTANT K-UP       $80000003 CONSTANT K-DOWN
$80000004 CONSTANT K-HOME     $80000005 CONSTANT K-END
$80000006 CONSTANT K-PRIOR    $80000007 CONSTANT K-NEXT
$80000008 CONSTANT K-INSERT   $80000009 CONSTANT K-DELETE
$8000000A CONSTANT K-F1       $8000000B CONSTANT K-F2
$8000000C CONSTANT K-F3       $8000000D CONSTANT K-F4
$8000000E CONSTANT K-F5       $8000000F CONSTANT K-F6
$80000010 CONSTANT K-F7       $80000011 CONSTANT K-F8
$80000012 CONSTANT K-F9       $80000013 CONSTANT K-F10
$80000014 CONSTANT K-F11      $80000015 CONSTANT K-F12
$40000000 CONSTANT K-SHIFT-MASK
$20000000 CONSTANT K-CTRL-MASK
$10000000 CONSTANT K-ALT-MASK
CREATE (EKEY-TILDES) ( the key of ESC [ n ~ for n below 25, or 0 )
  0 , K-HOME , K-INSERT , K-DELETE , K-END , K-PRIOR , K-NEXT , 0 , 0 , 0 , 0 ,
  K-F1 , K-F2 , K-F3 , K-F4 , K-F5 , 0 , K-F6 , K-F7 , K-F8 , K-F9 , K-F10 , 0 ,
  K-F11 , K-F12 ,
: (EKEY-PARAM) ( c -- n c' ) 0 SWAP BEGIN DUP [CHAR] 0 [CHAR] 9 1+ WITHIN
  WHILE [CHAR] 0 - SWAP 10 * + KEY REPEAT ;
: (EKEY-FINAL) ( n c -- x ) CASE
    [CHAR] A OF DROP K-UP ENDOF      [CHAR] B OF DROP K-DOWN ENDOF
    [CHAR] C OF DROP K-RIGHT ENDOF   [CHAR] D OF DROP K-LEFT ENDOF
    [CHAR] H OF DROP K-HOME ENDOF    [CHAR] F OF DROP K-END ENDOF
    [CHAR] P OF DROP K-F1 ENDOF      [CHAR] Q OF DROP K-F2 ENDOF
    [CHAR] R OF DROP K-F3 ENDOF      [CHAR] S OF DROP K-F4 ENDOF
    [CHAR] ~ OF DUP 25 U< IF CELLS (EKEY-TILDES) + @ ELSE DROP 0 THEN
                ?DUP 0= IF 27 THEN ENDOF
    NIP 27 SWAP
  ENDCASE ;
: (EKEY-MODS) ( m -- mask ) 1- 0 MAX
  DUP 1 AND IF K-SHIFT-MASK ELSE 0 THEN OVER 2 AND IF K-ALT-MASK OR THEN
  SWAP 4 AND IF K-CTRL-MASK OR THEN ;
: (EKEY-CSI) ( -- x ) KEY (EKEY-PARAM) 1 SWAP
  DUP [CHAR] ; = IF 2DROP KEY (EKEY-PARAM) THEN
  ROT SWAP (EKEY-FINAL) DUP 27 = IF NIP ELSE SWAP (EKEY-MODS) OR THEN ;
: EKEY ( -- x ) KEY DUP 27 <> IF EXIT THEN KEY? 0= IF EXIT THEN DROP
  KEY CASE
    [CHAR] [ OF (EKEY-CSI) ENDOF
    [CHAR] O OF 0 KEY (EKEY-FINAL) ENDOF
    K-ALT-MASK OR DUP
  ENDCASE ;
: EKEY? ( -- flag ) KEY? ;
: EKEY>CHAR ( x -- char true | x false ) DUP 0 256 WITHIN ;
: EKEY>FKEY ( x -- u flag ) DUP K-LEFT AND 0<> ;
: EMIT? ( -- flag ) TRUE ;
: AT-XY ( col row -- ) 27 EMIT [CHAR] [ EMIT 1+ 0 U.R [CHAR] ; EMIT 1+ 0 U.R [CHAR] H EMIT ;
: PAGE ( -- ) 27 EMIT ." [2J" 0 0 AT-XY ;

\ ---- MEMORY-ALLOCATION: a first-fit allocator over the heap region ----
\ The format is runtime's (see its crate doc): a block is a header cell (size,
\ bit 0 set when used), a check cell (its address xor {HEAP_CHECK}), the
\ payload and a footer equal to the header; a free block keeps the next and
\ previous free blocks in its first two payload cells. Adjacent free blocks
\ are always merged. FREE and RESIZE check an address before they read
\ through it, so garbage gives an ior, never a fault.
{HEAP_START} CONSTANT (HEAP)          \ holds {HEAP_MAGIC} once initialized
{HEAP_START} CELL+ CONSTANT (HEAP-HEAD) \ the first free block, or 0
{HEAP_START} 8 + CONSTANT (HEAP-FIRST)  \ the first block
{HEAP_END} CONSTANT (HEAP-END)
: (BLOCK!) ( size used b -- ) {: size used b :}
  size used OR DUP b !  b {HEAP_CHECK} XOR b CELL+ !  b size + 4 - ! ;
: (UNLINK) ( b -- ) {: b | next prev :} b 8 + @ TO next  b 12 + @ TO prev
  prev IF next prev 8 + ! ELSE next (HEAP-HEAD) ! THEN
  next IF prev next 12 + ! THEN ;
: (PUSH-FREE) ( b size -- ) {: b size | head :} size 0 b (BLOCK!)
  (HEAP-HEAD) @ TO head  head b 8 + !  0 b 12 + !
  head IF b head 12 + ! THEN  b (HEAP-HEAD) ! ;
: (HEAP-INIT) ( -- ) (HEAP) @ {HEAP_MAGIC} = IF EXIT THEN
  0 (HEAP-HEAD) !  (HEAP-FIRST) (HEAP-END) (HEAP-FIRST) - (PUSH-FREE)
  {HEAP_MAGIC} (HEAP) ! ;
: (BLOCK-SIZE) ( u -- size true | false ) \ the block that holds u bytes
  DUP (HEAP-END) (HEAP) - U> IF DROP FALSE EXIT THEN 19 + -8 AND 24 MAX TRUE ;
: (BLOCK?) ( b -- size used true | false ) \ is there a block at b?
  {: b | tag size :}
  b (HEAP-FIRST) U<  b (HEAP-END) U< 0= OR  b 7 AND OR IF FALSE EXIT THEN
  b @ TO tag  tag -8 AND TO size
  b CELL+ @  b {HEAP_CHECK} XOR <> IF FALSE EXIT THEN
  size 24 U<  size (HEAP-END) b - U> OR IF FALSE EXIT THEN
  b size + 4 - @ tag <> IF FALSE EXIT THEN
  size tag 1 AND TRUE ;
: (LIVE) ( a-addr -- b size true | false ) \ the used block whose payload is at a-addr
  (HEAP) @ {HEAP_MAGIC} <> IF DROP FALSE EXIT THEN
  8 - DUP (BLOCK?) 0= IF DROP FALSE EXIT THEN
  0= IF 2DROP FALSE EXIT THEN TRUE ;
: (TAKE) ( b have size -- ) \ use size bytes of the free block b, splitting it
  {: b have size :} b (UNLINK)
  have size - 24 < IF have 1 b (BLOCK!) EXIT THEN
  size 1 b (BLOCK!)  b size +  have size - (PUSH-FREE) ;
: (FREE) ( b size -- ) \ gives block b back, merged with free neighbours
  {: b size | next prev :} b size + TO next
  next (HEAP-END) U< IF next (BLOCK?) IF
    0= IF next (UNLINK) size + TO size ELSE DROP THEN THEN THEN
  b (HEAP-FIRST) U> IF
    b  b 4 - @ -8 AND -  TO prev
    prev (BLOCK?) IF ( psize used )
      0= IF prev (UNLINK)  size + TO size  prev TO b ELSE DROP THEN THEN
  THEN
  b size (PUSH-FREE) ;
: ALLOCATE ( u -- a-addr ior ) (HEAP-INIT)
  (BLOCK-SIZE) 0= IF 0 {ALLOCATE_IOR} EXIT THEN
  {: size | b have :} (HEAP-HEAD) @ TO b
  BEGIN b WHILE
    b @ -8 AND TO have
    have size < 0= IF b have size (TAKE)  b 8 + 0 EXIT THEN
    b 8 + @ TO b
  REPEAT 0 {ALLOCATE_IOR} ;
: FREE ( a-addr -- ior ) DUP 0= IF DROP 0 EXIT THEN
  (LIVE) 0= IF {FREE_IOR} EXIT THEN (FREE) 0 ;
: RESIZE ( a-addr1 u -- a-addr2 ior ) {: p u | b have size next total :}
  p 0= IF u ALLOCATE EXIT THEN
  p (LIVE) 0= IF p {RESIZE_IOR} EXIT THEN TO have TO b
  u (BLOCK-SIZE) 0= IF p {RESIZE_IOR} EXIT THEN TO size
  size have > 0= IF \ shrink in place; the rest goes back to the free list
    have size - 24 < 0= IF size 1 b (BLOCK!)  b size +  have size - (FREE) THEN
    p 0 EXIT THEN
  b have + TO next
  next (HEAP-END) U< IF next (BLOCK?) IF
    0= IF have + TO total
      total size < 0= IF \ grow in place into the free block after it
        next (UNLINK)
        total size - 24 < IF total 1 b (BLOCK!)
        ELSE size 1 b (BLOCK!)  b size +  total size - (PUSH-FREE) THEN
        p 0 EXIT THEN
    ELSE DROP THEN THEN THEN
  u ALLOCATE IF DROP p {RESIZE_IOR} EXIT THEN
  p OVER have 12 - MOVE  p FREE DROP 0 ;

\ Floating point: structure fields for floats (FLOATING-POINT EXT).
: FFIELD: ( n1 "name" -- n2 ) FALIGNED CREATE DUP , 1 FLOATS + DOES> @ + ;
: DFFIELD: ( n1 "name" -- n2 ) DFALIGNED CREATE DUP , 1 DFLOATS + DOES> @ + ;
: SFFIELD: ( n1 "name" -- n2 ) SFALIGNED CREATE DUP , 1 SFLOATS + DOES> @ + ;
