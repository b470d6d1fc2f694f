\ M*/ by zero.
: scale ( d -- d ) 3 0 M*/ ;
10. scale D.
