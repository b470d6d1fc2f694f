\ RDROP with nothing on the return stack of the definition: an item of the
\ caller (in gforth, its return address) is an error at ;.
: bad-rdrop ( -- ) rdrop ;
bad-rdrop
