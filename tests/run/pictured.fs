\ pictured.fs -- pictured numeric output: <# # #S HOLD SIGN #>, with single and double-cell values and various BASEs
: u>str ( u -- addr len ) 0 <# #S #> ;
: n>str ( n -- addr len ) DUP ABS 0 <# #S ROT SIGN #> ;
.( #s: ) 0 u>str TYPE SPACE 12345 u>str TYPE SPACE -1 u>str TYPE CR
.( sign: ) -42 n>str TYPE SPACE 42 n>str TYPE SPACE 0 n>str TYPE CR
: money ( cents -- ) DUP ABS 0 <# # # [CHAR] . HOLD #S ROT SIGN [CHAR] $ HOLD #> TYPE ;
.( money: ) 123456 money SPACE -5 money SPACE 0 money CR
: 4digits ( u -- ) 0 <# # # # # #> TYPE ;
.( fixed digits: ) 7 4digits SPACE 12345 4digits CR
: time ( secs -- ) 0 <# # 6 BASE ! # DECIMAL [CHAR] : HOLD # 6 BASE ! # DECIMAL [CHAR] : HOLD #S #> TYPE ;
.( time: ) 3725 time SPACE 86399 time CR
: hexstr ( u -- ) BASE @ >R HEX 0 <# # # # # # # # # #> TYPE R> BASE ! ;
.( hex padded: ) 255 hexstr SPACE -1 hexstr SPACE 0 hexstr CR
: d>str ( lo hi -- ) <# #S #> TYPE ;
.( double: ) -1 0 d>str SPACE 0 1 d>str SPACE -1 -1 d>str CR
: binary ( u -- ) BASE @ >R 2 BASE ! 0 <# #S #> TYPE R> BASE ! ;
.( binary: ) 5 binary SPACE 0 binary SPACE 256 binary CR
: holds-many ( -- ) 0 0 <# [CHAR] c HOLD [CHAR] b HOLD [CHAR] a HOLD #> TYPE ;
.( hold only: ) holds-many CR
: #-then-#s ( u -- ) 0 <# # [CHAR] - HOLD #S #> TYPE ;
.( # then #s: ) 1234 #-then-#s SPACE 5 #-then-#s CR
: len ( u -- n ) 0 <# #S #> NIP ;
.( lengths: ) 0 len . 9 len . 10 len . -1 len . CR
: sign-pos ( n -- ) DUP 0 <# ROT SIGN #S #> TYPE ;
.( sign ignores positive: ) 5 sign-pos CR
: mid-sign ( n -- ) DUP ABS 0 <# # ROT SIGN #S #> TYPE ;
.( sign in the middle: ) -123 mid-sign CR
: base36 ( u -- ) BASE @ >R 36 BASE ! 0 <# #S #> TYPE R> BASE ! ;
.( base 36 digits: ) 1295 base36 SPACE 46655 base36 SPACE 35 base36 CR
: via-um ( u1 u2 -- ) UM* <# #S #> TYPE ;
.( um* double: ) 100000 100000 via-um SPACE -1 -1 via-um CR
