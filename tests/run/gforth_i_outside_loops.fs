\ Outside every DO loop, I is the top of the return stack and I' the item
\ under it, as in gforth, where a loop keeps its index and limit there
\ (Starting Forth's QUADRATIC uses I so).
: quadratic ( a b c x -- n ) >r swap rot i * + r> * + ;
2 7 9 3 quadratic . cr
: pair ( a b -- a b ) >r >r i' . i . r> r> ;
10 20 pair . . cr
