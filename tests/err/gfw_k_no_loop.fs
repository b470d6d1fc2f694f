\ K needs three nested loops.
: two-deep ( -- ) 2 0 do 2 0 do k . loop loop ;
