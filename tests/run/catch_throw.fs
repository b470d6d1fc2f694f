\ catch_throw.fs -- CATCH THROW: codes, nesting, stack depth restored, THROW 0 no-op, ABORT gives -1 and ABORT" gives -2 under CATCH
\ Every line leaves the data stack empty, so DEPTH shows exactly what CATCH left.
\ After a THROW the depth is restored but the contents of the restored slots are
\ unspecified, so they are dropped, never printed.
: thrower ( n -- ) THROW ;
: safe ( -- ) 1 2 + DROP ;
.( catch no throw: ) ' safe CATCH . DEPTH . CR
.( throw 0 is a no-op: ) 0 ' thrower CATCH . DEPTH . CR
.( throw code: ) 55 ' thrower CATCH . DEPTH . DROP CR
.( negative code: ) -4000 ' thrower CATCH . DROP CR
: results ( -- a b ) 10 20 ;
.( results kept when no throw: ) ' results CATCH . . . CR
: messy ( a b -- ) 2DROP 1 2 3 4 5 99 THROW ;
.( depth restored after throw: ) 7 8 9 ' messy CATCH . DEPTH . 2DROP . CR
: deep-throw ( -- ) 1 2 3 >R >R >R 42 THROW ;
.( return stack cleaned: ) ' deep-throw CATCH . DEPTH . CR
: inner ( -- ) 7 THROW ." not reached" ;
: middle ( -- ) inner ." not reached either" ;
: outer ( -- n ) ['] middle CATCH ;
.( throw through levels: ) outer . CR
: rethrow ( -- ) ['] inner CATCH ?DUP IF 100 + THROW THEN ;
.( nested catch and rethrow: ) ' rethrow CATCH . CR
: inner-handles ( -- n ) ['] inner CATCH ;
: outer-sees-none ( -- n m ) ['] inner-handles CATCH ;
.( inner catch handles it: ) outer-sees-none . . CR
: in-loop ( -- ) 10 0 DO I 5 = IF I THROW THEN LOOP ;
.( throw out of do loop: ) ' in-loop CATCH . CR
: in-nested-loops ( -- ) 3 0 DO 3 0 DO I J + 3 = IF I 10 * J + THROW THEN LOOP LOOP ;
.( throw out of nested loops: ) ' in-nested-loops CATCH . DEPTH . CR
: abort-it ( -- ) ABORT ;
.( abort under catch: ) ' abort-it CATCH . CR
: abort-msg ( f -- ) ABORT" this message is not shown under catch" ;
.( abort" true under catch: ) TRUE ' abort-msg CATCH . DROP CR
.( abort" false: ) FALSE ' abort-msg CATCH . DEPTH . CR
: abort-nonzero ( -- ) 5 ABORT" five" ;
.( abort" any nonzero: ) ' abort-nonzero CATCH . CR
: catch-in-def ( -- ) 1 2 ['] + CATCH . . ;
.( catch inside a definition: ) catch-in-def CR
: count-throws ( -- n ) 0 5 0 DO I ['] thrower CATCH IF DROP 1+ THEN LOOP ;
.( repeated catch: ) count-throws . DEPTH . CR
VARIABLE log
: cleanup-demo ( -- ) 0 log ! ['] inner CATCH 1 log ! ?DUP IF THROW THEN ;
.( cleanup then rethrow: ) ' cleanup-demo CATCH . log @ . CR
: throw-with-stack ( a -- ) DROP 123 THROW ;
.( values below the catch frame survive: ) 5 6 ' throw-with-stack CATCH . DROP . DEPTH . CR
: catch-chain ( -- ) ['] outer CATCH . . ;
.( catch of a word that itself catches: ) catch-chain CR
: max-code ( -- ) 2147483647 THROW ;
: min-code ( -- ) -2147483648 THROW ;
.( extreme codes: ) ' max-code CATCH . ' min-code CATCH . CR
: throw-in-evaluate ( -- n ) S" 1 2 33 THROW" ['] EVALUATE CATCH NIP NIP ;
.( throw inside evaluate: ) throw-in-evaluate . DEPTH . CR
.( after evaluate throw, interpretation goes on from the file: ) 1 . CR
: undefined-in-evaluate ( -- n ) S" no-such-word-for-sure" ['] EVALUATE CATCH NIP NIP ;
.( undefined word in evaluate is -13: ) undefined-in-evaluate . CR
: catch-twice ( -- ) 11 ['] thrower CATCH . DROP 0 ['] thrower CATCH . ;
.( handler is reset after catch returns: ) catch-twice DEPTH . CR
: throw-after-catch-returned ( -- n ) ['] safe CATCH DROP 77 ['] thrower CATCH NIP ;
.( a later throw goes to the newest catch: ) throw-after-catch-returned . CR
DEFER hook
: hooked ( -- ) hook ;
' inner IS hook
.( throw through a deferred word: ) ' hooked CATCH . CR
: throw-in-does ( "name" -- ) CREATE , DOES> @ THROW ;
-21 throw-in-does t-21
.( throw from does> code: ) ' t-21 CATCH . CR
.( catch at top level, then more work: ) 2 3 ' * CATCH . . CR
