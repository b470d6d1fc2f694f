\ I' outside a loop.
: no-loop ( -- ) i' . ;
