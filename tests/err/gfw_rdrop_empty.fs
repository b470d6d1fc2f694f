\ RDROP with nothing on the return stack of the definition.
: bad-rdrop ( -- ) rdrop ;
bad-rdrop
