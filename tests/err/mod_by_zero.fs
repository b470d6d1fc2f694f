\ mod by zero too, inside a word.
: m 7 swap mod ; 0 m
