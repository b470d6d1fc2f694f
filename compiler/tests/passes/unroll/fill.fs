\ Filling bytes by a counted loop.
: fill-bytes ( addr n c -- ) rot rot 0 ?do 2dup i + c! loop 2drop ;
