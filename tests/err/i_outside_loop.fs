\ I outside a DO loop.
: bad i ;
