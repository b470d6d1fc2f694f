\ conf_exception.fs -- T{ }T conformance cases for CATCH THROW ABORT ABORT" (EXCEPTION word set)
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

: t-throw ( n -- ) THROW ;
: t-none ( -- a b ) 1 2 ;
: t-add ( a b -- c ) + ;
\ CATCH without a THROW returns 0 above the results
T{ ' t-none CATCH -> 1 2 0 }T
T{ 3 4 ' t-add CATCH -> 7 0 }T
T{ 0 ' t-throw CATCH -> 0 }T
\ THROW n restores the depth; values below the xt's arguments survive
T{ 9 1 ' t-throw CATCH NIP -> 9 1 }T
T{ 9 -1 ' t-throw CATCH NIP -> 9 -1 }T
T{ 9 max-n ' t-throw CATCH NIP -> 9 max-n }T
T{ 9 min-n ' t-throw CATCH NIP -> 9 min-n }T
: t-mess ( a b -- ) 2DROP 1 2 3 4 5 6 7 8 42 THROW ;
T{ 100 10 20 ' t-mess CATCH >R 2DROP R> -> 100 42 }T
T{ 10 20 ' t-mess CATCH >R 2DROP DEPTH R> -> 0 42 }T
: t-rstack ( -- ) 1 >R 2 >R 3 >R 17 THROW ;
T{ ' t-rstack CATCH -> 17 }T
: t-loop ( -- ) 10 0 DO I 3 = IF 33 THROW THEN LOOP ;
T{ ' t-loop CATCH -> 33 }T
\ nesting
: t-inner ( -- ) 5 THROW ;
: t-middle ( -- ) t-inner 99 ;
: t-outer ( -- n ) ['] t-middle CATCH ;
T{ t-outer -> 5 }T
T{ ' t-outer CATCH -> 5 0 }T
: t-rethrow ( -- ) ['] t-inner CATCH 10 + THROW ;
T{ ' t-rethrow CATCH -> 15 }T
: t-handled ( -- n ) ['] t-inner CATCH ['] t-inner CATCH + ;
T{ t-handled -> 10 }T
: t-after ( -- n ) ['] t-none CATCH DROP 2DROP 6 ['] t-throw CATCH NIP ;
T{ t-after -> 6 }T
\ ABORT and ABORT" under CATCH
: t-abort ( -- ) ABORT ;
T{ ' t-abort CATCH -> -1 }T
T{ 5 ' t-abort CATCH NIP -> -1 }T
: t-abortq ( f -- ) ABORT" message not shown under catch" 7 ;
T{ TRUE ' t-abortq CATCH NIP -> -2 }T
T{ 1 ' t-abortq CATCH NIP -> -2 }T
T{ min-n ' t-abortq CATCH NIP -> -2 }T
T{ FALSE ' t-abortq CATCH -> 7 0 }T
\ THROW from EVALUATE and from a deferred word
T{ S" 1 2 3 44 THROW" ' EVALUATE CATCH NIP NIP -> 44 }T
DEFER t-deferred
' t-inner IS t-deferred
T{ ' t-deferred CATCH -> 5 }T
\ an undefined word inside EVALUATE throws -13
T{ S" an-undefined-word-xyzzy" ' EVALUATE CATCH NIP NIP -> -13 }T
\ many CATCHes in a row do not leak
: t-many ( -- n ) 0 100 0 DO I ['] t-throw CATCH IF DROP 1+ THEN LOOP ;
T{ t-many -> 99 }T
\ CATCH of an xt that itself uses CATCH
: t-catch-inside ( -- n ) ['] t-inner CATCH ;
T{ ' t-catch-inside CATCH -> 5 0 }T

REPORT
