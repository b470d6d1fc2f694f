\ The comment after -- must end with }.
: f { a b -- c
  a b + ;
