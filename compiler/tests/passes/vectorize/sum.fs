\ A reduction over a cell array runs four cells at a time.
: sum ( addr n -- s ) 0 rot rot cells over + swap ?do i @ + 1 cells +loop ;
