\ conf_exception_ext.fs -- EXCEPTION EXT under CATCH: ABORT and ABORT"
\ throw -1 and -2, ABORT"'s message is shown only when nothing catches it,
\ and what THROW leaves in the restored stack cells is what the stack held.
S" lib/tester.fs" INCLUDED
DECIMAL
: t-abort ( -- ) ABORT ;
: t-abort" ( x -- ) ABORT" caught, so never shown" ;
: t-abort"2 ( x y -- 77 ) 77 SWAP ABORT" never shown either" ;
T{ ' t-abort CATCH -> -1 }T
T{ 5 ' t-abort CATCH -> 5 -1 }T
T{ 0 ' t-abort" CATCH -> 0 }T
T{ 1 ' t-abort" CATCH NIP -> -2 }T
T{ 3 0 ' t-abort"2 CATCH -> 3 77 0 }T
T{ 4 5 ' t-abort"2 CATCH -> 4 77 -2 }T
\ THROW from deep recursion restores the depth; the cell below holds the
\ value the innermost call had there
: t-down ( n -- ) 1- DUP 0> IF RECURSE ELSE 999 THROW THEN ;
T{ 3 4 5 10 ' t-down CATCH -> 3 4 5 0 999 }T
\ THROW of a computed code in a loop: 0 does nothing, anything else throws
: t-ior-loop ( n -- sum ) 0 SWAP 0 DO I + I 100 = IF 7 ELSE 0 THEN THROW LOOP ;
T{ 10 ' t-ior-loop CATCH -> 45 0 }T
T{ 200 ' t-ior-loop CATCH -> 5050 7 }T
\ Nested CATCH: the inner one catches, the outer sees 0
: t-inner ( -- n ) ['] t-abort CATCH ;
T{ ' t-inner CATCH -> -1 0 }T
\ System exceptions are caught with their standard codes
: t-undef S" no-such-word-anywhere" EVALUATE ;
T{ ' t-undef CATCH -> -13 }T
: t-div ( -- ) 1 0 / ;
T{ ' t-div CATCH -> -10 }T
\ A THROW of a user code passes through an inner CATCH that rethrows
: t-rethrow ( -- ) ['] t-abort CATCH THROW ;
T{ ' t-rethrow CATCH -> -1 }T
REPORT
\ An uncaught ABORT" prints its message; this one is caught
: t-show ( -- ) 1 ABORT" shown only when uncaught" ;
' t-show CATCH . CR
