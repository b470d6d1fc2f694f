\ ?DUP before IF becomes DUP, with a DROP on the side that skips.
: .nonzero ( n -- ) ?dup if . then ;
