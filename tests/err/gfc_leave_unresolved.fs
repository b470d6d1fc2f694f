\ A ?LEAVE after BEGIN needs a DONE (or a loop) to resolve it by the end of
\ the definition.
: bad ( -- ) BEGIN dup ?leave 1- AGAIN ;
