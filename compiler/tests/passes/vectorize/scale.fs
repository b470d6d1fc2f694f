\ A map over a cell array: each cell times 3.
: triple ( addr n -- ) cells over + swap ?do i @ 3 * i ! 1 cells +loop ;
