\ A small program for the performance model's tests: the prediction that
\ `native-runner predict` makes of it is in mixed.json, and the browser
\ façade must make the same (web/tests/performance.test.mjs).
: sq ( n -- n*n ) dup * ;
\ Eight divisions a call in a counted loop: the hot word.
: digit-sum ( n -- sum ) 0 swap 8 0 do 10 /mod swap rot + swap loop drop ;
\ PICK with an index known only at run time keeps the memory stack.
: nth ( x0 x1 n -- x0 x1 xn ) pick ;
: main ( -- ) 0 2000 0 do i sq digit-sum + 7 9 i 1 and nth + + + loop . cr ;
