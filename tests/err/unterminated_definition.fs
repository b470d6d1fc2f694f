\ A definition still open at the end of the input.
: unfinished 1 2
  3
