\ I outside every DO loop is R@, as in gforth: with nothing on the return
\ stack of the definition it reads the caller's, which is an error when run.
: bad i ;
bad
