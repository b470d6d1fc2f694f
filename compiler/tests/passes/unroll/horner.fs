\ A counted loop with constant bounds: 8 trips, a multiple of 4, so only
\ the last of the four copies tests, and the others read I plus 4, 8, 12
\ bytes down.
create coeffs 3 , 1 , 4 , 1 , 5 , 9 , 2 , 6 ,
: poly ( x -- p ) 0 coeffs dup 7 cells + do over * i @ + -1 cells +loop nip ;
