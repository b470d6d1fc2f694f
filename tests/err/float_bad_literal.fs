\ A token with an exponent marker that is not a valid float is undefined.
: scale  1.5E+x F* ;
