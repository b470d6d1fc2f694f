\ gforth's [IFDEF], [IFUNDEF] and [ENDIF], nested with [IF] ... [ELSE].

[ifundef] square  : square ( n -- n*n ) dup * ;  [endif]
[ifdef] square  5 square . [else] .( no square ) [endif] cr
[ifdef] no-such-word  .( wrong ) [else] .( not defined ) [endif] cr
[ifundef] dup .( wrong ) [else] .( dup exists ) [then] cr

\ Sections that are skipped may span lines and nest.
[ifdef] no-such-word
  [ifdef] dup  .( inner ) [endif]
  [if] .( never ) [else] .( never either ) [then]
  : never-defined ( -- ) ;
[else]
  .( outer else ) cr
[endif]
[ifdef] never-defined .( wrong ) [else] .( skipped as it should be ) [endif] cr

\ A portable definition: define a word only when the system lacks it.
[ifundef] cell  1 cells constant cell [endif]
cell . cr
[ifundef] 3dup : 3dup ( a b c -- a b c a b c ) dup 2over rot ; [endif]
1 2 3 3dup .s cr
