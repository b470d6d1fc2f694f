\ gforth's ]] ... [[ (postpone every word in between), EXCEPTION, and the
\ other names WHAT'S, .ID, >HEAD, PARSE-WORD and NAME.

: square, ( -- ) ]] dup * [[ ; immediate
: cube ( n -- n^3 ) dup square, * ;
3 cube . cr
: inc-by-10, ( -- ) ]] 10 + [[ ; immediate
: add-ten ( n -- n+10 ) inc-by-10, ;
5 add-ten . cr
\ ]] may span lines and postpone control words.
: abs, ( -- )
  ]] dup 0< if
     negate then [[ ; immediate
: my-abs ( n -- u ) abs, ;
-7 my-abs . 7 my-abs . cr
: times, ( -- ) ]] 0 ?do [[ ; immediate
: stars ( n -- ) times, [char] * emit loop ;
5 stars cr

\ EXCEPTION makes new throw codes with messages.
s" stack is wrong" exception constant wrong-stack
s" file is missing" exception constant no-file
wrong-stack . no-file . cr
: check ( flag -- ) 0= if no-file throw then ;
: try-check ( flag -- ) ['] check catch ?dup-if ." caught " no-file = . then ;
true try-check false try-check cr

\ WHAT'S is ACTION-OF; .ID is ID.; >HEAD is >NAME.
defer action  ' cube is action
what's action ' cube = .
: current-action ( -- xt ) what's action ; current-action ' cube = . cr
: my-word ( -- ) ;  ' my-word >head .id  latest .id cr
s" alpha beta" ' parse-word execute-parsing type cr
: second-name ( "a" "b" -- c-addr u ) name 2drop name ;
second-name one two type cr

\ SFIND is FIND for a string; .NAME is ID.; A, is , for addresses.
s" cube" sfind . ' cube = . s" if" sfind . drop s" no-such" sfind . cr
latest .name cr
create links 0 a, links a,  links cell+ @ links = . cr
