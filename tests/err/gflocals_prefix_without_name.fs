\ A type prefix must be followed by the name of a local.
: f { a d: } a ;
