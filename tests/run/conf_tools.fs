\ conf_tools.fs -- T{ }T conformance cases for the PROGRAMMING-TOOLS words
\ that gforth 0.7.3 has: [IF] [ELSE] [THEN] [DEFINED] [UNDEFINED] AHEAD
\ CS-PICK CS-ROLL STATE ? (the Forth 2012 additions are in conf_tools2012.fs)
S" lib/tester.fs" INCLUDED

\ [IF] [ELSE] [THEN], interpreted and nested
T{ TRUE  [IF] 1 [ELSE] 2 [THEN] -> 1 }T
T{ FALSE [IF] 1 [ELSE] 2 [THEN] -> 2 }T
T{ TRUE  [IF] 1 [THEN] 3 -> 1 3 }T
T{ FALSE [IF] 1 [THEN] 3 -> 3 }T
T{ FALSE [IF] 1 TRUE [IF] 2 [ELSE] 3 [THEN] 4 [ELSE] 5 [THEN] -> 5 }T
T{ TRUE [IF] 1 FALSE [IF] 2 [ELSE] 3 [THEN] 4 [ELSE] 5 [THEN] -> 1 3 4 }T
\ skipped text is only scanned for words, case-insensitively
T{ FALSE [if] undefined-word ( not a comment ) [Else] 6 [then] -> 6 }T
\ across lines of a file
FALSE [IF]
  this line is skipped, [IF] nested [ELSE] too [THEN] so is this one
[ELSE]
  7
[THEN]
CONSTANT seven
T{ seven -> 7 }T
\ immediacy: they work inside definitions
: pt1 ( -- n ) [ TRUE ] [IF] 11 [ELSE] 12 [THEN] ;
: pt2 ( -- n ) [ FALSE ] [IF] 11 [ELSE] 12 [THEN] ;
T{ pt1 pt2 -> 11 12 }T
\ [ELSE] reached while interpreting skips to [THEN]
T{ 1 [ELSE] 2 [THEN] 3 -> 1 3 }T
T{ 4 [THEN] -> 4 }T

\ [DEFINED] [UNDEFINED]
T{ [DEFINED] DUP -> TRUE }T
T{ [DEFINED] no-such-word-here -> FALSE }T
T{ [UNDEFINED] DUP -> FALSE }T
T{ [UNDEFINED] no-such-word-here -> TRUE }T
: pt3 ( -- f ) [DEFINED] pt1 LITERAL ;
T{ pt3 -> TRUE }T
[UNDEFINED] pt4 [IF] : pt4 ( -- n ) 44 ; [THEN]
T{ pt4 -> 44 }T

\ AHEAD
: pt6 ( -- n ) 3 AHEAD 4 THEN 5 ;
T{ pt6 -> 3 5 }T

\ CS-PICK and CS-ROLL: a loop with two exits, and an UNTIL built by hand
: ?repeat ( dest -- dest ) 0 CS-PICK POSTPONE UNTIL ; IMMEDIATE
VARIABLE pt-n
: pt7 ( n -- n' ) pt-n ! BEGIN -1 pt-n +! pt-n @ 1 AND 0= ?repeat pt-n @ 2 > WHILE REPEAT pt-n @ ;
T{ 10 pt7 -> 2 }T
T{ 1 pt7 -> 0 }T
: pt8 ( flag -- n ) IF 1 [ 0 CS-ROLL ] ELSE 2 THEN ;
T{ TRUE pt8 -> 1 }T
T{ FALSE pt8 -> 2 }T
: pt9 ( n -- n' ) BEGIN DUP 0> WHILE 1- AGAIN THEN ;
T{ 6 pt9 -> 0 }T

\ STATE and ?
: pt10 ( -- f ) STATE @ ; IMMEDIATE
T{ pt10 -> 0 }T
: pt11 ( -- f ) [ pt10 ] LITERAL ;
: pt12 ( -- f ) pt10 LITERAL ;
T{ pt11 0= pt12 0= -> TRUE FALSE }T
VARIABLE pt-v 1234 pt-v !
pt-v ? CR

REPORT
