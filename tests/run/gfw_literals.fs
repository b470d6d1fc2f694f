\ Number literals as gforth 0.7.3 reads them: a dot after any digit makes a
\ double, 0x is a hex prefix, and a sign may stand before or after a prefix.
1.5 d. 1.2.3 d. -1.5 d. 12. d. 1.5. d. cr
0x1F . 0X10 . -0x10 . 0x-10 . cr
-$10 . $-10 . -#5 . #-5 . -%101 . --5 . cr
hex 0x10 . 1.5 d. decimal cr
: lits ( -- ) 2.5 d. 0xff . -'a' . ;
lits cr
1.5e f. 2e f. cr
