\ I' outside a loop, with nothing on the return stack: an error when run.
: no-loop ( -- ) i' . ;
no-loop
