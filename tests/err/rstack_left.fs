\ A definition that leaves an item on the return stack is an error at its ;
\ (gforth would return to the address 1 and crash).
: fine ( x -- x ) >r r> ;
: bad ( -- ) 1 >r ;
.( not reached)
