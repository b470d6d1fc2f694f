\ SP! to an address outside the data stack.
: wreck ( -- ) 0 sp! ;
wreck
