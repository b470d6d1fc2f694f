\ gforth's stack pointers SP@ SP! SP0 FP@ FP! FP0 RP@ RP0, and EXCEPTION.
: depth' ( -- n ) sp0 @ sp@ - cell / ;
depth' . 1 2 3 depth' . depth . clearstack cr
1 2 3 sp@ @ . sp@ cell+ @ . sp@ 2 cells + @ . cr
: drop-all ( i*x -- ) sp0 @ sp! ;
1 2 3 drop-all depth . cr
10 20 30 sp@ cell+ sp! . depth . cr
\ SP@ ! changes a stack item in place.
1 2 99 sp@ cell+ ! . . cr
: f-depth' ( -- n ) fp0 @ fp@ - float / ;
f-depth' . 1e 2e f-depth' . fdepth . fp@ f@ f. cr
fp0 @ fp! fdepth . cr
1e 2e 3e fp@ float+ fp! fdepth . f. cr
rp@ rp0 @ u<= . rp0 @ rp@ - 0>= . cr
: rp-depth ( -- n ) rp@ 0 >r rp@ r> drop - ;
rp-depth . cr

s" first failure" exception constant first-ex
s" second failure" exception constant second-ex
first-ex second-ex - . first-ex -255 < . second-ex -4096 > . cr
: fail ( -- ) second-ex throw ;
' fail catch second-ex = . cr
: try-code ( n -- ) ['] throw catch ?dup if . then ;
first-ex try-code cr
