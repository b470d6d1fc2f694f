\ INTERPRETATION> gives its code to a word made by CREATE-INTERPRET/COMPILE;
\ after a plain CREATE it is an error when the defining word runs.
: bad ( n "name" -- ) create , interpretation> @ <interpretation ;
5 bad x
