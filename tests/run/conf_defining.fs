\ conf_defining.fs -- T{ }T conformance cases for defining words: : ; VARIABLE CONSTANT VALUE TO DEFER IS ACTION-OF DEFER@ DEFER! CREATE DOES> >BODY :NONAME MARKER
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

\ colon definitions
: nop ;
: add3 ( a b c -- n ) + + ;
T{ nop -> }T
T{ 1 2 3 add3 -> 6 }T
T{ : inside-t 42 ; inside-t -> 42 }T
\ CONSTANT
123 CONSTANT k123
min-n CONSTANT kmin
T{ k123 -> 123 }T
T{ kmin -> min-n }T
T{ : use-k k123 1+ ; use-k -> 124 }T
\ VARIABLE
VARIABLE var1
VARIABLE var2
T{ 5 var1 ! var1 @ -> 5 }T
T{ 1 var1 ! 2 var2 ! var1 @ var2 @ -> 1 2 }T
T{ var1 var2 = -> FALSE }T
\ VALUE TO (CORE EXT)
7 VALUE val
T{ val -> 7 }T
T{ 8 TO val val -> 8 }T
: set-val ( n -- ) TO val ;
T{ -1 set-val val -> -1 }T
T{ min-n set-val val -> min-n }T
: get-val ( -- n ) val ;
T{ 99 TO val get-val -> 99 }T
\ DEFER IS ACTION-OF DEFER@ DEFER! (CORE EXT)
DEFER def1
: d-one 1 ;
: d-two 2 ;
T{ ' d-one IS def1 def1 -> 1 }T
T{ ' d-two IS def1 def1 -> 2 }T
: is-def1 ( xt -- ) IS def1 ;
T{ ' d-one is-def1 def1 -> 1 }T
T{ ACTION-OF def1 -> ' d-one }T
: action-def1 ( -- xt ) ACTION-OF def1 ;
T{ action-def1 -> ' d-one }T
T{ ' def1 DEFER@ -> ' d-one }T
T{ ' d-two ' def1 DEFER! def1 -> 2 }T
T{ ' def1 DEFER@ -> ' d-two }T
: call-def1 def1 ;
T{ ' d-one IS def1 call-def1 -> 1 }T
\ CREATE >BODY
CREATE cr1
CREATE cr2 1 , 2 ,
T{ cr2 @ cr2 CELL+ @ -> 1 2 }T
T{ ' cr2 >BODY -> cr2 }T
T{ cr1 ALIGNED -> cr1 }T
\ DOES>
: does1 ( n "name" -- ) CREATE , DOES> @ ;
: does2 ( "name" -- ) CREATE DOES> ;
: does3 ( n "name" -- ) CREATE , DOES> @ 1+ ;
5 does1 d5
does2 dbody
6 does3 d6
T{ d5 -> 5 }T
T{ dbody -> ' dbody >BODY }T
T{ d6 -> 7 }T
T{ ' d5 >BODY @ -> 5 }T
T{ 10 ' d5 >BODY ! d5 -> 10 }T
\ a defining word with two DOES> parts
: twice-does ( "name" -- ) CREATE DOES> DROP 1 DOES> DROP 2 ;
twice-does td
T{ td -> 1 }T
T{ td -> 2 }T
T{ td -> 2 }T
\ :NONAME (CORE EXT)
:NONAME ( n -- n' ) 10 * ; CONSTANT times10
T{ 7 times10 EXECUTE -> 70 }T
T{ :NONAME 1 2 ; EXECUTE -> 1 2 }T
\ ; and IMMEDIATE only affect the latest definition
: plain 1 ;
: immed 2 ; IMMEDIATE
T{ : uses-both plain [ immed ] LITERAL ; uses-both -> 1 2 }T
\ MARKER (CORE EXT)
MARKER mark1
: gone-word 1 ;
T{ gone-word -> 1 }T
mark1
T{ BL WORD gone-word FIND NIP -> 0 }T
T{ BL WORD mark1 FIND NIP -> 0 }T
T{ BL WORD plain FIND NIP -> -1 }T
T{ BL WORD immed FIND NIP -> 1 }T

REPORT
