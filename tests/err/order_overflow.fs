\ More word lists than the search order holds.
: a ( -- ) 20 0 DO ALSO LOOP ;
a
