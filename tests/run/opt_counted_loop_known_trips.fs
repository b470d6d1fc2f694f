\ Counted loops whose bounds are constants: the optimizer knows their trips
\ and, when they are a multiple of its unroll factor, tests only once per
\ round. Every shape of step and bound must still give gforth's results.
create tbl 10 , 20 , 30 , 40 , 50 , 60 , 70 , 80 , 90 , 100 , 110 , 120 ,
: up8     ( -- n ) 0 8 0 do i + loop ;
: up12x   ( -- n ) 0 12 0 do i tbl i cells + @ * + loop ;
: down    ( -- n ) 0 tbl tbl 11 cells + do i @ + -1 cells +loop ;
: step3   ( -- n ) 0 24 0 do i + 3 +loop ;
: qdo16   ( -- n ) 0 16 0 ?do i 2* + loop ;
: odd7    ( -- n ) 0 7 0 do i + loop ;
: neg-step ( -- n ) 0 -8 8 do i + -2 +loop ;
: nested  ( -- n ) 0 4 0 do 8 0 do i j * + loop loop ;
: horner  ( x -- p ) 0 tbl dup 7 cells + do over * i @ + -1 cells +loop nip ;
up8 . up12x . down . step3 . qdo16 . odd7 . neg-step . nested . 3 horner . cr
