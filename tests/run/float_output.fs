\ float_output.fs -- F. FE. FS. REPRESENT PRECISION SET-PRECISION, with the
\ digits gforth 0.7.3 prints (ties to even, at most 17 significant digits).
1E F. 1.5E3 F. -2E-1 F. 0E F. -0E F. 1E 3E F/ F. 123456789012345678E F. 1E-10 F. CR
1E FE. 1.5E3 FE. -2E-1 FE. 0E FE. 1E 3E F/ FE. 12345E FE. 1E-10 FE. CR
1E FS. 1.5E3 FS. -2E-1 FS. 0E FS. 1E 3E F/ FS. 1E-10 FS. 5E-324 FS. CR
1E 0E F/ F. SPACE -1E 0E F/ FS. SPACE 1E 0E F/ FE. CR
PRECISION . 20 SET-PRECISION PRECISION . 1E 3E F/ F. 1E 3E F/ FS. 99.5E F. CR
2 SET-PRECISION 0.125E F. 0.375E F. 9.99E F. 99.5E F. 2.5E F. 0.05E F. CR
8 SET-PRECISION 1E FSIN F. 2E FLOG F. 0.5E FASINH F. 1E 1E FATAN2 F. 0.5E FEXP FS. CR
15 SET-PRECISION
: rep ( r u -- ) >R PAD R@ REPRESENT . . . PAD R> TYPE CR ;
1.5E 5 rep
-0E 5 rep
0E 3 rep
99.5E 2 rep
9.99E 2 rep
12345.678E 3 rep
1E-5 4 rep
1E10 HEX FS. DECIMAL 1E-20 HEX FE. DECIMAL CR
: show  1.25E F. 1E 7E F/ FS. ;
show CR
1e-10 -1e-10 1e100 -1.5e-100 0e 1e 0e f/ 123456.789e f.s cr
fdrop fdrop fdrop fdrop fdrop fdrop fdrop
1e 2.5e -3e f.s cr fdrop fdrop fdrop
-1e 0e f/ 0e 0e f/ -0e 0.001e 99999.99999e 1e5 -123456.5e 1.5e f.s cr
fdrop fdrop fdrop fdrop fdrop fdrop fdrop fdrop
1e 2e 3e 4e 5e 6e 7e 8e 9e 10e 11e f.s cr
