\ gforth's TABLE: a word list whose names are found only as written, for
\ symbol tables where Foo and foo are different keys.
table constant symbols
symbols set-current
: Foo ( -- ) ." capital Foo" ;
: foo ( -- ) ." small foo" ;
42 constant FOO
forth definitions
symbols >order
foo cr Foo cr FOO . cr
previous
s" foo" symbols search-wordlist . execute cr
s" fOO" symbols search-wordlist . cr
\ Ordinary word lists still ignore case.
s" DUP" forth-wordlist search-wordlist . drop cr
