\ A variable a loop reads and writes stays in a local across the loop.
variable count
: tally ( n -- ) 0 ?do count @ 1+ count ! loop ;
