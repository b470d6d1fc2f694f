\ defer: a word whose action is chosen later, with DEFER and IS.

defer greet
: hello ( -- ) ." hello" ;
: hi ( -- ) ." hi there" ;
' hello is greet  greet cr
' hi is greet     greet cr

\ A sort that takes its comparison as a deferred word.
defer before?
: sort2 ( a b -- x y )  2dup before? 0= if swap then ;
' < is before?  5 3 sort2 . . cr
' > is before?  5 3 sort2 . . cr

\ ACTION-OF tells what a deferred word does now.
action-of greet ' hi = . cr
