\ numeric_output.fs -- . U. .R U.R in various BASEs, HEX DECIMAL, field widths too small, MIN-INT and MAX-UINT
.( dot: ) 0 . 1 . -1 . 123456 . 2147483647 . -2147483648 . CR
.( u.: ) 0 U. 1 U. -1 U. -2147483648 U. 2147483647 U. CR
.( .r: [) 5 4 .R .( ][) -5 4 .R .( ][) 12345 3 .R .( ][) -12345 3 .R .( ][) 7 0 .R .( ][) 7 1 .R .( ][) 0 5 .R .( ]) CR
.( u.r: [) 5 4 U.R .( ][) -1 12 U.R .( ][) 123 2 U.R .( ][) 0 0 U.R .( ]) CR
HEX
.( hex: ) FF . -1 . -1 U. 7FFFFFFF . 80000000 . ABCDEF . 10 . CR
.( hex .r: [) FF 6 .R .( ][) -1 9 U.R .( ]) CR
DECIMAL
.( decimal again: ) 255 . 16 . CR
: in-base ( n base -- ) BASE @ >R BASE ! . R> BASE ! ;
: u-in-base ( u base -- ) BASE @ >R BASE ! U. R> BASE ! ;
.( base 2: ) 10 2 in-base -10 2 in-base -1 2 u-in-base CR
.( base 8: ) 64 8 in-base -8 8 in-base CR
.( base 36: ) 35 36 in-base 36 36 in-base 1295 36 in-base -2147483648 36 in-base CR
.( base 16 min-int: ) -2147483648 16 in-base CR
.( base 7: ) 100 7 in-base CR
.( base is variable: ) BASE @ . 16 BASE ! BASE @ DECIMAL . CR
: show-base BASE @ DUP DECIMAL . BASE ! ;
HEX .( hex base value: ) show-base DECIMAL CR
.( decimal after: ) 100 . CR
