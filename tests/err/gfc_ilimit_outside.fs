\ I' outside every DO loop reads the second item of the return stack, as
\ in gforth: with nothing pushed there it is an error when run.
: bad ( -- ) i' . ;
bad
