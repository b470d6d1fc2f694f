\ xchar.fs -- the XCHAR word set on UTF-8. gforth 0.7.3 predates the
\ reference: fastforth (gforth 0.7.3 predates the standard XCHAR words)
\ standard's XCHAR words, so xchar.out is written by hand from Forth 2012.
CHAR é . CHAR € . CHAR a . : euro [CHAR] € ; euro . CR
S" aé€😀" 2DUP TYPE CR
2DUP X-SIZE . 2DUP +X/STRING NIP . 2DUP X\STRING- NIP . 2DUP X-WIDTH . CR
DROP DUP XC@+ . SWAP - . CR
233 XC-SIZE . 8364 XC-SIZE . 128512 XC-SIZE . 65 XC-SIZE . CR
CREATE buf 16 ALLOT
8364 buf XC!+ buf - . buf 3 TYPE CR
8364 XEMIT 233 XEMIT 65 XEMIT CR
S" ab€" + XCHAR- XC@+ . DROP
S" a€" 1- -TRAILING-GARBAGE . DROP
S" 中文" X-WIDTH . 769 XC-WIDTH . CR
: pict  <# 8364 XHOLD 65 HOLD 0 0 #> TYPE ; pict CR
8364 buf 10 XC!+? . . buf - .
8364 buf 2 XC!+? . . buf - . CR
HERE 233 XC, HERE SWAP - . CR
buf XCHAR+ buf - . buf 1+ XCHAR+ buf - . CR
65 EKEY>XCHAR . . -5 EKEY>XCHAR . . CR
\ Stepping through a string one xchar at a time.
: count-xchars ( c-addr u -- n ) 0 >R BEGIN DUP WHILE +X/STRING R> 1+ >R REPEAT 2DROP R> ;
S" añ€😀z" count-xchars . CR
: last-xchar ( c-addr u -- xchar ) 2DUP X\STRING- NIP /STRING DROP XC@+ NIP ;
S" añ€😀" last-xchar . CR
