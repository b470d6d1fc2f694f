\ arith.fs -- + - * / MOD /MOD */ */MOD with floored division, 1+ 1- 2* 2/ ABS NEGATE MIN MAX, S>D M* UM* SM/REM FM/MOD UM/MOD
: pair ( a b -- ) SWAP . . ;
: add  ." + : " 2 3 + .  -5 3 + .  2147483647 1 + .  -2147483648 -1 + . CR ;
: sub  ." - : " 2 3 - .  -5 -3 - .  -2147483648 1 - . CR ;
: mul  ." * : " 6 7 * .  -6 7 * .  -6 -7 * .  65536 65536 * .  65535 65537 * . CR ;
: div  ." / : " 7 2 / .  -7 2 / .  7 -2 / .  -7 -2 / .  6 3 / .  -6 3 / .  0 5 / .  -1 2 / . CR ;
: md   ." mod : " 7 2 MOD .  -7 2 MOD .  7 -2 MOD .  -7 -2 MOD .  -6 3 MOD . CR ;
: sm   ." /mod : " 7 2 /MOD pair  -7 2 /MOD pair  7 -2 /MOD pair  -7 -2 /MOD pair CR ;
: ssl  ." */ : " 10 3 4 */ .  -10 3 4 */ .  10 -3 4 */ .  100000 100000 1000000 */ .  -7 1 2 */ . CR ;
: ssm  ." */mod : " 10 3 4 */MOD pair  -10 3 4 */MOD pair  10 3 -4 */MOD pair  100000 100000 7 */MOD pair CR ;
: incs ." 1+ 1- : " 0 1+ .  0 1- .  -1 1+ .  2147483647 1+ . CR ;
: shifts ." 2* 2/ : " 5 2* .  -5 2* .  5 2/ .  -5 2/ .  -1 2/ .  1073741824 2* .  -2147483648 2/ . CR ;
: absn ." abs negate : " 5 ABS .  -5 ABS .  0 ABS .  -2147483648 ABS .  5 NEGATE .  -5 NEGATE .  0 NEGATE .  -2147483648 NEGATE . CR ;
: minmax ." min max : " 1 2 MIN .  -1 2 MIN .  1 2 MAX .  -1 -2 MAX .  -2147483648 2147483647 MIN .  -2147483648 2147483647 MAX . CR ;
: s2d  ." s>d : " 5 S>D pair  -5 S>D pair  0 S>D pair CR ;
: mst  ." m* : " 3 4 M* pair  -3 4 M* pair  -3 -4 M* pair  65536 65536 M* pair  -65536 65536 M* pair  2147483647 2147483647 M* pair CR ;
: umst ." um* : " 3 4 UM* pair  -1 -1 UM* SWAP U. U.  65536 65536 UM* pair  -1 2 UM* SWAP U. U. CR ;
: smrem ." sm/rem : " 7 S>D 2 SM/REM pair  -7 S>D 2 SM/REM pair  7 S>D -2 SM/REM pair  -7 S>D -2 SM/REM pair  0 1 4 SM/REM pair CR ;
: fmmod ." fm/mod : " 7 S>D 2 FM/MOD pair  -7 S>D 2 FM/MOD pair  7 S>D -2 FM/MOD pair  -7 S>D -2 FM/MOD pair  0 1 4 FM/MOD pair CR ;
: ummod ." um/mod : " 7 0 2 UM/MOD pair  0 1 2 UM/MOD SWAP U. U.  -1 1 2 UM/MOD SWAP U. U.  100 0 7 UM/MOD pair CR ;
add sub mul div md sm ssl ssm incs shifts absn minmax s2d mst umst smrem fmmod ummod
.( interpreted: ) -7 3 / . -7 3 MOD . 7 -3 / . 7 -3 MOD . CR
