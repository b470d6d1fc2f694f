\ conf_substitute.fs -- STRING EXT (REPLACES SUBSTITUTE UNESCAPE) and
\ reference: fastforth (gforth 0.7.3 has no REPLACES, SUBSTITUTE, UNESCAPE, 2VALUE)
\ DOUBLE EXT's 2VALUE. gforth 0.7.3 has none of them, so the expected
\ output was written by hand from the standard (tests/run/README.md).
S" lib/tester.fs" INCLUDED
DECIMAL
CREATE out 64 ALLOT
: s= ( c-addr1 u1 c-addr2 u2 -- flag ) COMPARE 0= ;
: subst ( c-addr u -- c-addr' u' n ) out 64 SUBSTITUTE ;
S" Forth" S" lang" REPLACES
S" 2012" S" year" REPLACES
T{ S" plain text" subst >R S" plain text" s= R> -> TRUE 0 }T
T{ S" %lang% %year%" subst >R S" Forth 2012" s= R> -> TRUE 2 }T
T{ S" 100%% sure" subst >R S" 100% sure" s= R> -> TRUE 0 }T
T{ S" %unknown% %lang" subst >R S" %unknown% %lang" s= R> -> TRUE 0 }T
T{ S" %LANG%" subst >R S" Forth" s= R> -> TRUE 1 }T
\ Replacing a name again changes its text; texts are not expanded again
S" %lang%" S" lang" REPLACES
T{ S" [%lang%]" subst >R S" [%lang%]" s= R> -> TRUE 1 }T
\ A result that does not fit is an error (a negative n)
T{ S" %year%%year%" out 7 SUBSTITUTE NIP NIP 0< -> TRUE }T
T{ S" abc" out 3 SUBSTITUTE ROT DROP -> 3 0 }T
\ UNESCAPE doubles every %, so SUBSTITUTE gives the text back
T{ S" 50% of %lang%" out UNESCAPE S" 50%% of %%lang%%" s= -> TRUE }T
: roundtrip ( c-addr u -- c-addr' u' n ) out 32 + UNESCAPE subst ;
T{ S" 50% of %lang%" roundtrip >R S" 50% of %lang%" s= R> -> TRUE 0 }T
\ Compiled uses
: greet ( -- c-addr u n ) S" year %year%" subst ;
T{ greet >R S" year 2012" s= R> -> TRUE 1 }T
\ 2VALUE and TO
1 2 2VALUE pair
T{ pair -> 1 2 }T
T{ 3 4 TO pair pair -> 3 4 }T
: set-pair ( x1 x2 -- ) TO pair ;
T{ 5 6 set-pair pair -> 5 6 }T
: get-pair ( -- x1 x2 ) pair ;
T{ get-pair -> 5 6 }T
T{ ' pair EXECUTE -> 5 6 }T
-1. 2VALUE dv
T{ dv 1. D+ -> 0. }T
REPORT
