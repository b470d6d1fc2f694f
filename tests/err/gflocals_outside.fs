\ gforth locals can only be declared inside a definition.
1 2 { a b }
