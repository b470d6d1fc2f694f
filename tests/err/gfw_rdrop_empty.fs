\ RDROP with nothing on the return stack of the definition takes an item of
\ the caller (in gforth, its return address): running the word is an error.
: bad-rdrop ( -- ) rdrop ;
bad-rdrop
