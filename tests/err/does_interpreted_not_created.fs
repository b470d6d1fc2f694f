\ DOES> while interpreting needs a CREATEd word as the latest definition.
: plain ( -- ) ;
does> @ ;
