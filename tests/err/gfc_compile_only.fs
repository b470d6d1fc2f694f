\ A COMPILE-ONLY word cannot be interpreted.
: twice ( n -- 2n ) 2* ; compile-only
3 twice
