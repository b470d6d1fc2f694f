\ A locals declaration that never ends.
: f {: a b
  a b + ;
