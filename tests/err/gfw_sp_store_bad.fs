\ SP! to an address outside the data stack.
: wreck ( -- ) here sp! ;
wreck
