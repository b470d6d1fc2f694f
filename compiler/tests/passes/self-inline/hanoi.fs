\ Towers of Hanoi counting moves.
: moves ( n -- m ) dup 0= if exit then 1- dup recurse swap recurse + 1+ ;
