\ A { group that never ends.
: f { a b
  a b + ;
