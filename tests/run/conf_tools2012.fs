\ conf_tools2012.fs -- T{ }T conformance cases for the Forth 2012
\ reference: fastforth (gforth 0.7.3 lacks these Forth 2012 words)
\ PROGRAMMING-TOOLS words that gforth 0.7.3 lacks: N>R NR> SYNONYM
\ TRAVERSE-WORDLIST NAME>STRING NAME>INTERPRET NAME>COMPILE. The expected
\ output is written by hand from the standard (see README.md).
S" lib/tester.fs" INCLUDED

\ N>R NR>
: ntr1 ( i*x n -- i*x n ) N>R NR> ;
: ntr2 ( x1 x2 x3 3 -- x1 x2 x3 3 -1 ) N>R -1 NR> ROT >R ROT >R ROT >R ROT R> R> R> ROT ;
T{ 1 2 3 3 ntr1 -> 1 2 3 3 }T
T{ 0 ntr1 -> 0 }T
T{ 10 20 2 N>R NR> -> 10 20 2 }T
: ntr3 ( a b c -- c b a ) 3 N>R NR> DROP SWAP ROT ;
T{ 1 2 3 ntr3 -> 3 2 1 }T
: ntr4 ( -- ) 7 8 2 N>R 9 1 N>R NR> NR> ;
T{ ntr4 -> 9 1 7 8 2 }T

\ SYNONYM: same behaviour, same immediacy
: syn-a ( -- n ) 31 ;
: syn-b ( -- n ) 32 ; IMMEDIATE
SYNONYM syn-a2 syn-a
SYNONYM syn-b2 syn-b
T{ syn-a2 -> 31 }T
T{ ' syn-a2 ' syn-a = -> TRUE }T
: syn-c ( -- n ) syn-b2 LITERAL ;
T{ syn-c -> 32 }T
SYNONYM my-dup DUP
T{ 5 my-dup -> 5 5 }T
SYNONYM my-if IF
: syn-d ( f -- n ) my-if 1 ELSE 2 THEN ;
T{ TRUE syn-d FALSE syn-d -> 1 2 }T

\ TRAVERSE-WORDLIST and name tokens
WORDLIST CONSTANT twl
GET-CURRENT twl SET-CURRENT
: tw-one ( -- n ) 1 ;
: tw-two ( -- n ) 2 ; IMMEDIATE
: tw-three ( -- n ) 3 ;
SET-CURRENT
: count-words ( n nt -- n+1 true ) DROP 1+ TRUE ;
T{ 0 ' count-words twl TRAVERSE-WORDLIST -> 3 }T
: first-word ( n nt -- n+1 false ) DROP 1+ FALSE ;
T{ 0 ' first-word twl TRAVERSE-WORDLIST -> 1 }T
T{ 0 ' count-words WORDLIST TRAVERSE-WORDLIST -> 0 }T
CREATE name-buf 32 ALLOT
VARIABLE name-len
: s=? ( c-addr1 u1 c-addr2 u2 -- f ) ROT OVER <> IF 2DROP DROP FALSE EXIT THEN
   0 ?DO OVER I + C@ OVER I + C@ <> IF 2DROP UNLOOP FALSE EXIT THEN LOOP 2DROP TRUE ;
VARIABLE wanted-addr VARIABLE wanted-len VARIABLE found-nt
: find-nt ( nt -- f ) DUP NAME>STRING wanted-addr @ wanted-len @ s=?
   IF found-nt ! FALSE ELSE DROP TRUE THEN ;
: nt-of ( c-addr u -- nt ) wanted-len ! wanted-addr ! 0 found-nt !
   ['] find-nt twl TRAVERSE-WORDLIST found-nt @ ;
T{ S" tw-two" nt-of 0<> -> TRUE }T
T{ S" tw-two" nt-of NAME>STRING NIP -> 6 }T
T{ S" tw-three" nt-of NAME>INTERPRET EXECUTE -> 3 }T
T{ S" tw-one" nt-of NAME>COMPILE ' COMPILE, = SWAP S" tw-one" twl SEARCH-WORDLIST DROP = AND -> TRUE }T
T{ S" tw-two" nt-of NAME>COMPILE EXECUTE -> 2 }T
: nc ( "name" -- ) PARSE-NAME nt-of NAME>COMPILE EXECUTE ; IMMEDIATE
: tw-four ( -- n m ) nc tw-one nc tw-three ;
T{ tw-four -> 1 3 }T
\ NAME>STRING gives the same string for the same word every time
T{ S" tw-one" nt-of DUP NAME>STRING ROT NAME>STRING ROT = -ROT = AND -> TRUE }T

REPORT
