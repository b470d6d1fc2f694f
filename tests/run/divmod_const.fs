\ Floored / MOD and /MOD by constant positive divisors (powers of two and
\ others), with negative, positive and extreme dividends.
: show ( n -- ) dup 7 / . dup 7 mod . dup 7 /mod . . dup 8 / . dup 8 mod . dup 8 /mod . .
  dup 1 / . dup 1 mod . dup 65521 mod . dup 65521 / . dup 2 / . 2 mod . cr ;
0 show 1 show -1 show 7 show -7 show 8 show -8 show 13 show -13 show 100 show -100 show
2147483647 show -2147483647 1- show 65521 show -65521 show 131041 show -131043 show
: sum-mods ( n -- s ) 0 swap 0 ?do i 37 - 10 mod + i 100 - 4 / + loop ; 1000 sum-mods . cr
