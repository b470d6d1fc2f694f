\ gforth's defining and compiling words: ALIAS, DEFERS, <IS>, [IS],
\ NEXTNAME, NONAME, RECURSIVE, COMPILE-ONLY, INTERPRET/COMPILE:, ]L,
\ AConstant and friends, STRING, and LONGSTRING,.

\ ALIAS gives a word a second name; the alias behaves as the original.
' + alias plus   ' dup alias 2x
3 4 plus . 5 2x * . cr
: square ( n -- n*n ) dup * ;
' square alias sq
7 sq . : fourth ( n -- n^4 ) sq sq ; 3 fourth . cr
variable counter  ' counter alias tally
5 tally !  counter @ . cr

\ DEFERS compiles what a deferred word does at that moment.
defer greet
: hello ( -- ) ." hello" ;
' hello is greet
: loud-greet ( -- ) defers greet ." !" ;
loud-greet cr
: bye-word ( -- ) ." goodbye" ;
' bye-word <is> greet  greet space loud-greet cr
: make-polite ( -- ) [is] greet ;
' hello make-polite greet cr

\ NEXTNAME names the next definition from a string; NONAME leaves it nameless.
s" computed-word" nextname : ( -- n ) 42 ;
computed-word . cr
s" ten" nextname 10 constant
ten . cr
noname : ( -- ) ." anonymous" ;  latestxt execute cr
noname create 1 , 2 , 3 ,  latestxt execute 2 cells + @ . cr

\ RECURSIVE makes a definition call itself by name.
: fib ( n -- f ) recursive dup 2 < if exit then dup 1- fib swap 2 - fib + ;
15 fib . cr
: ackermann ( m n -- a ) recursive
  over 0= if nip 1+ exit then
  dup 0= if drop 1- 1 ackermann exit then
  over swap 1- ackermann swap 1- swap ackermann ;
2 3 ackermann . cr

\ COMPILE-ONLY (and RESTRICT) words are only compiled; they still run inside
\ definitions.
: twice ( n -- 2n ) 2* ; compile-only
: quad ( n -- 4n ) twice twice ; 5 quad . cr
: thrice ( n -- 3n ) 3 * ; restrict
: nine ( n -- 9n ) thrice thrice ; 2 nine . cr

\ INTERPRET/COMPILE: gives a word different semantics in each state.
: say-int ( -- ) ." (interpreting)" ;
: comp-part ( -- ) ." (compiling)" ;
' say-int ' comp-part interpret/compile: which
which cr
: in-def ( -- ) which ; cr
in-def cr

\ ]L ends an interpreted part of a definition with a literal.
: seconds/day ( -- n ) [ 60 60 * 24 * ]L ;
seconds/day . cr
: mask ( -- n ) [ 1 12 lshift 1- ]L ;  mask . cr

\ AConstant, AVariable, AValue and ALiteral are their cell versions for addresses.
create values 10 , 20 , 30 ,
values aconstant values-start
values-start cell+ @ . cr
avariable cursor  values cursor !  cursor @ @ . cr
values 2 cells + avalue last-entry  last-entry @ . cr
: third ( -- addr ) [ values 2 cells + ] aliteral ;  third @ . cr

\ STRING, lays down a counted string; LONGSTRING, one with a cell count.
create greeting s" Hi there" string,
greeting count type cr
create long-one s" a longer string" longstring,
long-one @ . long-one cell+ long-one @ type cr

\ User variables behave as variables (one task).
user slot  77 slot !  slot @ . cr
\g A \g line is a comment, like \.
