\ | may appear once in a group.
: f { a | b | c } a ;
