\ conf_locals.fs -- T{ }T conformance cases for the LOCALS word set:
\ reference: fastforth (gforth 0.7.3 has no {: :})
\ {: ... :} with | and --, TO, (LOCAL) and LOCALS|, in loops, with EXIT,
\ RECURSE and DOES>. gforth 0.7.3 has no {: so the expected output was
\ written by hand from the standard (tests/run/README.md).
S" lib/tester.fs" INCLUDED
DECIMAL
\ Arguments: the first name takes the deepest item
T{ : l1 {: a b :} a b ; 1 2 l1 -> 1 2 }T
T{ : l2 {: a b :} b a ; 1 2 l2 -> 2 1 }T
T{ : l3 {: a :} ; 7 l3 -> }T
T{ : l4 {: :} ; 8 l4 -> 8 }T
\ Values after | start undefined; TO sets them; -- starts a comment
T{ : l5 {: a | b c -- d e :} 10 TO b a b + TO c c ; 5 l5 -> 15 }T
T{ : l6 {: | x -- :} 3 TO x x x * ; l6 -> 9 }T
T{ : l7 {: a -- this is ignored :} a 2* ; 21 l7 -> 42 }T
\ TO an argument
T{ : l8 {: a :} a 1+ TO a a ; 1 l8 -> 2 }T
\ Locals hide words and numbers of the same name
T{ : l9 {: dup 10 :} dup 10 + ; 1 2 l9 -> 3 }T
\ Declarations may span lines
: l10 {: a
         b | c :} a b + TO c c ;
T{ 3 4 l10 -> 7 }T
\ In DO loops, with I and J untouched
T{ : l11 {: n :} 0 n 0 DO I + LOOP ; 5 l11 -> 10 }T
T{ : l12 {: i j :} 2 0 DO i j LOOP ; 8 9 l12 -> 8 9 8 9 }T
T{ : l13 {: a :} 3 0 DO 2 0 DO a 1+ TO a LOOP LOOP a ; 0 l13 -> 6 }T
\ With EXIT and LEAVE
T{ : l14 {: a b :} a 0= IF b EXIT THEN a ; 0 5 l14 -> 5 }T
T{ 3 5 l14 -> 3 }T
T{ : l15 {: lim :} 0 100 0 DO I lim = IF LEAVE THEN 1+ LOOP ; 7 l15 -> 7 }T
\ RECURSE: every activation has its own locals
T{ : fact {: n :} n 1 < IF 1 ELSE n n 1- RECURSE * THEN ; 5 fact -> 120 }T
T{ : l16 {: a b :} a 0> IF a 1- b 10 * RECURSE a b THEN ; 2 1 l16 -> 1 10 2 1 }T
\ A tail call to itself becomes a loop; the locals are set again each time
T{ : gcd {: a b :} b 0= IF a ELSE b a b MOD RECURSE THEN ; 48 18 gcd -> 6 }T
T{ : count-down {: n | seen :} n 0= IF 0 EXIT THEN n TO seen seen 1- RECURSE 1+ ; 5 count-down -> 5 }T
T{ : sum-to {: n acc :} n 0= IF acc EXIT THEN n 1- acc n + RECURSE ; 100 0 sum-to -> 5050 }T
\ :NONAME and DOES> (locals end at DOES>; the DOES> part has its own)
T{ 3 4 :NONAME {: x y :} x y * ; EXECUTE -> 12 }T
T{ : maker {: a b :} CREATE a b + , DOES> @ {: base n :} base n * ; -> }T
T{ 2 3 maker five -> }T
T{ 4 five -> 20 }T
\ (LOCAL): the first name takes the top item
T{ : local BL WORD COUNT (LOCAL) ; IMMEDIATE -> }T
T{ : end-locals 0 0 (LOCAL) ; IMMEDIATE -> }T
T{ : l17 local p local q end-locals p q ; 1 2 l17 -> 2 1 }T
\ LOCALS| (Forth-94): also the first name takes the top item
T{ : l18 LOCALS| x y | x y ; 1 2 l18 -> 2 1 }T
\ 16 locals, as the standard requires at least
T{ : l19 {: a b c d e f g h i j k l m n o p :} p o n m l k j i h g f e d c b a ;
   0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 l19
   -> 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 }T
T{ S" #LOCALS" ENVIRONMENT? -> 256 TRUE }T
\ A local's name is gone after the definition
T{ : l20 {: l20-local :} l20-local ; 5 l20 -> 5 }T
T{ S" l20-local" ' EVALUATE CATCH NIP NIP -> -13 }T
REPORT
