\ conf_compile.fs -- T{ }T conformance cases for the compiler and interpreter: ' ['] EXECUTE FIND IMMEDIATE POSTPONE LITERAL [ ] STATE COMPILE, [COMPILE] EVALUATE SOURCE-ID SAVE-INPUT RESTORE-INPUT
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

: w1 ( -- n ) 111 ;
: w2 ( n -- n' ) 2 * ;
: imm1 ( -- n ) 222 ; IMMEDIATE
\ ' ['] EXECUTE
T{ ' w1 EXECUTE -> 111 }T
T{ 4 ' w2 EXECUTE -> 8 }T
T{ ' w1 ' w1 = -> TRUE }T
T{ ' w1 ' w2 = -> FALSE }T
: tick-w1 ( -- xt ) ['] w1 ;
T{ tick-w1 -> ' w1 }T
T{ tick-w1 EXECUTE -> 111 }T
T{ 1 2 ' + EXECUTE -> 3 }T
T{ ' imm1 EXECUTE -> 222 }T
\ FIND
CREATE cs 32 CHARS ALLOT
: >cs ( c-addr u -- c-addr' ) DUP cs C! cs CHAR+ SWAP MOVE cs ;
T{ S" w1" >cs FIND -> ' w1 -1 }T
T{ S" imm1" >cs FIND -> ' imm1 1 }T
T{ S" W1" >cs FIND -> ' w1 -1 }T
T{ S" no-such-word-here" >cs FIND -> cs 0 }T
T{ S" DUP" >cs FIND NIP -> -1 }T
\ IMMEDIATE words run while compiling
VARIABLE ran  0 ran !
: mark-ran ( -- ) 1 ran +! ; IMMEDIATE
: use-imm mark-ran mark-ran ;
T{ ran @ -> 2 }T
T{ use-imm ran @ -> 2 }T
\ LITERAL [ ]
: lit1 [ 3 4 + ] LITERAL ;
T{ lit1 -> 7 }T
: lit2 [ min-n ] LITERAL [ max-n ] LITERAL ;
T{ lit2 -> min-n max-n }T
\ STATE
: state@ ( -- f ) STATE @ ; IMMEDIATE
T{ state@ -> 0 }T
: st1 [ state@ ] LITERAL ;
T{ st1 -> 0 }T
: st2 state@ LITERAL ;
T{ st2 0<> -> TRUE }T
\ POSTPONE of a non-immediate word appends its execution semantics
: post-plus ( -- ) POSTPONE + ; IMMEDIATE
: pp1 ( a b -- n ) post-plus ;
T{ 3 4 pp1 -> 7 }T
\ POSTPONE of an immediate word appends its compilation semantics
: post-imm ( -- ) POSTPONE mark-ran ; IMMEDIATE
0 ran !
: pp2 ( -- ) post-imm post-imm ;
T{ ran @ -> 2 }T
T{ pp2 ran @ -> 2 }T
: my-if POSTPONE IF ; IMMEDIATE
: my-else POSTPONE ELSE ; IMMEDIATE
: my-then POSTPONE THEN ; IMMEDIATE
: pp3 ( f -- n ) my-if 1 my-else 2 my-then ;
T{ TRUE pp3 -> 1 }T
T{ FALSE pp3 -> 2 }T
: lit-maker ( n -- ) POSTPONE LITERAL ; IMMEDIATE
: pp4 [ 55 ] lit-maker ;
T{ pp4 -> 55 }T
\ COMPILE, (CORE EXT)
: comp-w1 ( -- ) ['] w1 COMPILE, ; IMMEDIATE
: cc1 comp-w1 comp-w1 ;
T{ cc1 -> 111 111 }T
: comp-xt ( xt -- ) COMPILE, ; IMMEDIATE
: cc2 [ ' w2 ] comp-xt ;
T{ 21 cc2 -> 42 }T
\ [COMPILE] (CORE EXT)
: old-then [COMPILE] THEN ; IMMEDIATE
: cc3 ( f -- n ) 0 SWAP IF DROP 1 old-then ;
T{ TRUE cc3 -> 1 }T
T{ FALSE cc3 -> 0 }T
\ EVALUATE
T{ S" 1 2 +" EVALUATE -> 3 }T
T{ S" " EVALUATE -> }T
T{ S" : ev-def 77 ;" EVALUATE ev-def -> 77 }T
: ev1 ( -- n ) S" 10 w2" EVALUATE ;
T{ ev1 -> 20 }T
: ev-imm ( -- ) S" 5 6 *" EVALUATE ; IMMEDIATE
: ev2 ev-imm ;
T{ ev2 -> 30 }T
: ev-inner ( -- n ) S" 3 4 *" EVALUATE ;
: ev-outer ( -- n ) S" ev-inner 1+" EVALUATE ;
T{ ev-outer -> 13 }T
T{ S" SOURCE-ID" EVALUATE -> -1 }T
T{ SOURCE-ID 0= SOURCE-ID -1 = OR -> FALSE }T
: ev-in ( -- n ) S" >IN @" EVALUATE ;
T{ ev-in -> 5 }T
T{ S" 1 2" EVALUATE SWAP -> 2 1 }T
\ SAVE-INPUT RESTORE-INPUT (CORE EXT)
VARIABLE passes
CREATE saved 16 CELLS ALLOT
VARIABLE #saved
: save-here ( -- ) SAVE-INPUT DUP #saved ! 0 ?DO saved I CELLS + ! LOOP ;
: restore-saved ( -- f ) #saved @ 0 ?DO saved #saved @ 1- I - CELLS + @ LOOP #saved @ RESTORE-INPUT ;
: maybe-restore-saved ( -- ) 1 passes +! passes @ 3 < IF restore-saved DROP THEN ;
0 passes !
T{ S" save-here maybe-restore-saved passes @" EVALUATE -> 3 }T
0 passes !
save-here maybe-restore-saved T{ passes @ -> 3 }T
: sr-flag ( -- f ) SAVE-INPUT RESTORE-INPUT ;
T{ sr-flag -> FALSE }T
T{ S" sr-flag" EVALUATE -> FALSE }T

REPORT
