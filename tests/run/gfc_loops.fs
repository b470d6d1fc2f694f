\ gforth's counted loops: +DO, -DO, U+DO, U-DO, -LOOP, FOR ... NEXT,
\ ?LEAVE, K and I'. The guarded loops run zero times when the range is
\ empty, where DO would run (almost) forever.

: squares ( n -- ) 0 +do i dup * . loop cr ;
5 squares  0 squares  -3 squares

: countdown ( n -- ) 0 swap -do i . 1 -loop ." liftoff" cr ;
5 countdown  0 countdown

: evens-down ( hi -- ) 0 swap -do i . 2 -loop cr ;
10 evens-down  9 evens-down  1 evens-down

\ -LOOP also closes DO and ?DO.
: down-from ( n -- ) 0 swap do i . 3 -loop cr ;
10 down-from
: qdown ( n -- ) 0 swap ?do i . 1 -loop cr ;
3 qdown 0 qdown

\ The unsigned forms compare as unsigned numbers.
: ucount ( u1 u2 -- ) u+do i . loop cr ;
3 0 ucount  0 -1 ucount  -1 -3 ucount
: udown ( u1 u2 -- ) u-do i . 1 -loop cr ;
0 3 udown  -3 -1 udown  -1 0 udown

\ A wide step may jump past the limit.
: steps ( -- ) 100 0 +do i . 30 +loop cr ;  steps
: bigsteps ( -- ) 0 100 -do i . 30 -loop cr ; bigsteps
: zero-step ( -- ) 5 5 -do i . 0 -loop ." done" cr ; zero-step

\ FOR ... NEXT runs u+1 times, the index going from u down to 0.
: stars ( u -- ) for [char] * emit next cr ;
3 stars  0 stars
: digits ( u -- ) for i . next cr ;
9 digits
: sum-for ( u -- n ) 0 swap for i + next ;
100 sum-for . cr

\ ?LEAVE leaves the innermost loop when the flag is true.
: first-multiple ( n limit -- ) 1 +do i over mod 0= if i . then i 50 > ?leave loop drop cr ;
7 100 first-multiple
: find-char ( c-addr u c -- n ) -1 2swap 0 +do ( c n c-addr ) dup i + c@ 3 pick = if nip i swap leave then loop drop nip ;
s" hello world" char w find-char . s" hello" char z find-char . cr

\ K is the index of the third loop out; I' the limit of the innermost.
: cube ( -- ) 2 0 do 2 0 do 2 0 do k . j . i . ." | " loop loop loop cr ;  cube
: limits ( -- ) 7 3 do i' . i . loop cr ;  limits
: nested-limits ( -- ) 4 0 +do 10 8 +do i' . loop i . loop cr ; nested-limits

\ Loops with ?LEAVE and -LOOP give the same results whether or not the
\ compiler keeps the loop counters in registers.
: collatz-steps ( n -- steps ) 0 swap 1000 0 +do dup 1 = ?leave dup 1 and if 3 * 1+ else 2/ then swap 1+ swap loop drop ;
27 collatz-steps . 1 collatz-steps . 97 collatz-steps . cr
: triangle ( n -- ) 1 swap 0 swap -do dup 0 +do [char] # emit loop cr 1+ 1 -loop drop ;
4 triangle
