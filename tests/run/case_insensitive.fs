\ case_insensitive.fs -- word lookup ignores ASCII case; names may use odd graphic characters and be up to 31 characters long
: MixedCase ( -- n ) 1 ;
.( any case finds it: ) mixedcase . MIXEDCASE . mIxEdCaSe . CR
.( standard words in lower and mixed case: ) 2 3 swap . . 4 Dup * . CR
: lower-def ( -- ) ." lower" ;
.( upper-case call: ) LOWER-DEF CR
.( control words in lower case: ) : lc 3 0 do i . loop ; lc CR
: ~!@#$%^&*_+|{}[]<>?/=- ( -- ) ." punct" ;
.( punctuation name: ) ~!@#$%^&*_+|{}[]<>?/=- CR
: 123abc ( -- n ) 456 ;
.( name starting with digits: ) 123abc . CR
: abcdefghijklmnopqrstuvwxyz01234 ( -- n ) 31 ;
.( 31-char name: ) abcdefghijklmnopqrstuvwxyz01234 . ABCDEFGHIJKLMNOPQRSTUVWXYZ01234 . CR
: a ( -- n ) 97 ;
.( one-char name: ) a . A . CR
: "quoted" ( -- n ) 34 ;
.( quote chars in name: ) "quoted" . CR
: (paren) ( -- n ) 40 ;
.( paren name: ) (paren) . CR
: \\ ( -- n ) 92 ;
.( backslash name: ) \\ . CR
: .dot. ( -- ) ." dots" ;
.( dotted name: ) .dot. CR
: find-it ( "name" -- ) BL WORD FIND NIP . ;
.( find is case-insensitive too: ) find-it MIXEDCASE find-it mixedcase find-it Abcdefghijklmnopqrstuvwxyz01234 CR
.( evaluate is case-insensitive: ) S" MiXeDcAsE lower-def" EVALUATE . CR
.( char keeps case: ) CHAR a . CHAR A . CR
.( s" keeps case: ) S" AbC" TYPE CR
.( ['] and ' are case-insensitive: ) ' mixedcase ' MIXEDCASE = . CR
: later ( -- ) ['] LOWER-DEF EXECUTE ;
.( later: ) later CR
