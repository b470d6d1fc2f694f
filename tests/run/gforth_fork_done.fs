\ gforth's control-flow building blocks, as its regexp.fs uses them:
\ FORK (POSTPONE CALL >MARK) calls the code after its JOIN as a subroutine;
\ ?LEAVE outside DO loops, resolved by DONE; control-flow entries are three
\ cells on the data stack, so they can be stored, moved and tested.
: FORK ( -- orig ) POSTPONE call >mark ; immediate restrict
: JOIN ( orig -- ) POSTPONE THEN ; immediate restrict

\ a, then the subroutine (c), then b, then the code after THEN (d).
: sub-demo ( -- ) ." a" FORK ." b" AHEAD BUT JOIN ." c" EXIT THEN ." d" ;
sub-demo cr

\ The subroutine runs once per call, from inside a counted loop.
: stars ( n -- ) 0 ?DO FORK BUT LOOP ." |" EXIT JOIN ." *" ;
5 stars cr

\ ?LEAVE inside BEGIN, resolved by DONE on a copy (YET) of the dest.
: first-digit ( addr u -- n|-1 )
  over + swap
  BEGIN YET
    2dup u> 0= ?LEAVE
    dup c@ [char] 0 - 10 u< 0=
  WHILE 1+ REPEAT
  nip c@ [char] 0 - EXIT
  DONE 2drop -1 ;
s" abc7def" first-digit . s" none" first-digit . s" 42" first-digit . cr

\ A dest kept in memory between two immediate words.
: 3! ( a b c addr -- ) dup >r 2! r> 2 cells + ! ;
: 3@ ( addr -- a b c ) dup >r 2 cells + @ r> 2@ ;
create saved 3 cells allot
: BEGIN, ( -- ) ]] BEGIN [[ saved 3! ; immediate
: AGAIN, ( -- ) saved 3@ ]] AGAIN [[ ; immediate
: count-down ( n -- ) BEGIN, dup . 1- dup 0= IF drop EXIT THEN AGAIN, ;
4 count-down cr

\ Origs kept on the data stack above a zero, resolved by testing the tag.
: cond ( -- 0 ) 0 ; immediate
: endcond ( 0 orig ... -- ) BEGIN dup WHILE ]] THEN [[ REPEAT drop ; immediate
: classify ( n -- )
  cond
    dup 0< IF ." negative" ELSE
    dup 0= IF ." zero" ELSE
    ." positive"
  endcond drop space ;
-5 classify 0 classify 7 classify cr

\ An orig moved to the return stack and back while other code is compiled.
: skip-ahead ( -- ) ]] AHEAD [[ >r >r >r ." (compiling) " r> r> r> ; immediate
: jumps ( -- ) ." x" skip-ahead ." never" THEN ." y" ;
jumps cr

\ POSTPONE ?BRANCH >MARK is IF; POSTPONE BRANCH >MARK is AHEAD.
: my-if ( -- orig ) POSTPONE ?branch >mark ; immediate restrict
: my-ahead ( -- orig ) POSTPONE branch >mark ; immediate restrict
: sign-of ( n -- ) 0< my-if ." minus " my-ahead BUT THEN ." plus " THEN ;
-1 sign-of 1 sign-of cr
