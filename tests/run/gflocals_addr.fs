\ gforth's address locals: W^ D^ F^ C^ push the address of the local.

\ The address works with the memory words, and holds the initial value.
: counter-test { w^ n } n @ . 5 n +! n @ . 1 n ! n @ . cr ;
10 counter-test

\ An address local passed to another word that stores through it.
: bump ( addr -- ) dup @ 1+ swap ! ;
: bump-three { w^ x } x bump x bump x bump x @ ;
39 bump-three . cr

\ Double, float and char storage.
: dtest { d^ d } d 2@ d. 1. d 2@ d+ d 2! d 2@ d. cr ;
41. dtest
: ftest { f^ r } r f@ f. r f@ 2e f* r f! r f@ f. cr ;
1.25e ftest
: ctest { c^ ch } ch c@ emit [char] z ch c! ch c@ emit ch 1 type cr ;
char a ctest

\ Mixed with value locals in one group; value locals still take TO.
: mixed { a w^ b f: c d^ d } a . b @ . c f. d 2@ d. a 1+ to a a . cr ;
1 2 3e 4. mixed

\ Every activation has its own storage, even in recursion.
: sum-down { n w^ acc } n 0= if acc @ exit then
  acc @ n + n 1- swap recurse acc @ drop ;
100 0 sum-down . cr
: nest { n w^ mine } n 0> if n 1- n 10 * recurse then mine @ . ;
3 0 nest cr

\ A buffer-like use: fill a double through its address a cell at a time.
: halves { d^ d } 7 d ! 9 d cell+ ! d 2@ swap . . cr ;
0. halves

\ The address stays valid across calls and loops until the word returns.
: tally { w^ total } 5 0 do i total +! loop total @ ;
0 tally . cr

\ Address locals with CATCH: an error unwinds the frame.
: risky { w^ x } x @ 0< if -1 throw then x @ ;
: try ( n -- ) ['] risky catch if ." caught " else . then ;
5 try -3 try 6 try cr

\ EXIT from inside a loop releases the storage too: many calls do not
\ exhaust the return stack.
: first-over { addr n limit w^ found -- x }
  n 0 ?do addr i cells + @ dup limit > if found ! found @ unloop exit then drop loop -1 ;
create vals 3 , 9 , 27 , 81 ,
: many 0 100000 0 do vals 4 10 0 first-over + loop . ;
many cr
: many-caught 0 100000 0 do i 1 and negate ['] risky catch if drop 1 then + loop . ;
many-caught cr
