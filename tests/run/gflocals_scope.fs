\ Where gforth's locals are visible when declared inside control structures.

\ A word that a local shadows while the local is visible.
: item ( -- n ) 1000 ;

\ Declared in IF ... THEN: visible until THEN, then the word is found again.
: in-if ( flag n -- ) swap if { item } item . then item . cr ;
true 5 in-if
false 5 in-if drop

\ Declared before IF: visible in both branches and after THEN.
: both { item } item 0< if item negate else item then . item . cr ;
-4 both 4 both

\ Declared in both branches: neither is visible after THEN.
: branches ( flag -- ) if 1 { item } item . else 2 { item } item . then item . cr ;
true branches false branches

\ After EXIT (or any unreachable code) the branch that joins brings its locals.
: guard { n } n 0< if exit then n { item } item . cr ;
-1 guard 7 guard
: after-exit 1 if 5 { item } else exit then item . cr ;
after-exit

\ A local declared in a BEGIN loop stays visible after UNTIL.
: in-until 3 begin { item } item 1- dup 0= until item . . cr ;
in-until

\ ... but not after REPEAT, whose WHILE leaves before the declaration.
: in-while 3 begin dup while { item } item 1- repeat drop item . cr ;
in-while

\ A LEAVE before the declaration ends the local at LOOP; one after it does not.
: leave-before 3 0 do i 1 = if leave then i { item } loop item . cr ;
leave-before
: leave-after 3 0 do i { item } item 1 = if leave then loop item . cr ;
leave-after

\ DO ... LOOP without LEAVE keeps it.
: in-do 3 0 do i { item } loop item . cr ;
in-do

\ CASE: a local declared in one OF ends at ENDOF.
: in-case ( n -- ) case 1 of 10 { item } item . endof 2 of item . endof endcase item . cr ;
1 in-case 2 in-case

\ SCOPE ... ENDSCOPE limits locals explicitly.
: scoped scope 5 { item } item . endscope item . cr ;
scoped
: nested { a } scope a 2* { b } scope b 2* { item } item . endscope b . endscope a . item . cr ;
3 nested
