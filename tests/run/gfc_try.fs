\ gforth's TRY ... IFERROR ... THEN ... ENDTRY, RESTORE, ENDTRY-IFERROR
\ and NOTHROW.

: safe/ ( n1 n2 -- n3 )
  try / iferror ." division failed (" . ." ) " 0 then endtry ;
100 5 safe/ . cr
1 0 ' safe/ catch . . cr

\ A throw inside the region restores the stack to its depth at TRY.
: risky ( n -- n' ) dup 3 > if 1 2 3 -77 throw then 10 * ;
: guarded ( n -- x ) try risky iferror ." caught " . -1 then endtry ;
2 guarded . cr  5 guarded . cr  depth . cr

\ RESTORE code runs in both cases; a throw's code is on top in the second.
variable opened
: with-resource ( n -- ior )
  true opened !
  try risky drop 0 restore false opened ! endtry ;
2 with-resource . opened @ . cr
9 with-resource . opened @ . cr

\ ENDTRY-IFERROR ends the region and starts the handler, ended by THEN.
: parse-digit ( c -- n ) dup [char] 0 [char] 9 1+ within 0= if drop -24 throw then [char] 0 - ;
: digit-or-zero ( c -- n ) try parse-digit endtry-iferror ." not a digit: " . 0 then ;
char 7 digit-or-zero . char x digit-or-zero . cr

\ Regions nest; the code a handler leaves is thrown on after ENDTRY (a throw
\ before ENDTRY would be caught by the same region again in gforth).
: inner ( -- ) try -3 throw 0 iferror ." inner " then endtry throw ;
: outer ( -- ) try inner iferror ." outer " . then endtry ;
outer cr
: no-error ( -- ) try 1 2 + iferror ." never" then endtry . ;
no-error cr

\ ABORT" inside a region is caught like any throw.
: checked ( flag -- ) try abort" bad flag" iferror ." caught " . then endtry nothrow ;
0 checked 1 checked cr

\ Regions inside loops and conditionals.
: count-failures ( -- n ) 0 10 0 do i try 3 mod 0= if -1 throw then iferror 2drop 1+ then endtry loop ;
count-failures . cr
