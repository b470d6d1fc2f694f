\ gforth's float words: the comparisons F<> F<= F>= F0<> F0<= F0>=, PI F2*
\ F2/ 1/F F**2 FM* FM/ FM*/ F~ABS F~REL V* FAXPY, and FNIP FTUCK.
: .f ( F: r -- ) f. ;
1e 2e f<> . 1e 1e f<> . 1e 2e f<= . 2e 2e f<= . 3e 2e f<= . cr
1e 2e f>= . 2e 2e f>= . 3e 2e f>= . -0e 0e f>= . -0e 0e f<> . cr
0e f0<> . 1e f0<> . -0e f0<> . 0e f0<= . -1e f0<= . 1e f0<= . cr
0e f0>= . -1e f0>= . 1e f0>= . -0e f0>= . cr
\ A NaN is unordered: <> is true, the others false.
0e 0e f/ fconstant nan
nan 1e f<> . nan 1e f<= . nan 1e f>= . nan nan f<> . cr
nan f0<> . nan f0<= . nan f0>= . cr
: between ( F: r lo hi -- ) ( -- flag ) frot ftuck f>= f<= and ;
2e 1e 3e between . 0e 1e 3e between . 3e 1e 3e between . cr
: fsign ( F: r -- ) ( -- n ) fdup f0>= if f0<> 1 and else fdrop -1 then ;
5e fsign . 0e fsign . -2e fsign . cr

pi .f pi f2* .f pi f2/ .f cr
3e f2* .f 3e f2/ .f -1e f2/ .f 4e 1/f .f 3e 1/f .f 0.5e 1/f .f cr
3e f**2 .f -1.5e f**2 .f 1e10 f**2 .f cr
4e 2 fm* .f 4e 3 fm/ .f 7e 3 4 fm*/ .f 1e -2 fm* .f 1e 0 fm* .f cr
1e 1.1e 0.2e f~abs . 1e 1.1e 0.01e f~abs . 1e 1e 0e f~abs . cr
1e 1.1e 0.1e f~rel . 1e 1.1e 0.01e f~rel . 100e 101e 0.01e f~rel . cr
1e 2e 3e fnip .f .f 1e 2e ftuck .f .f .f cr

create xs 1e f, 2e f, 3e f, 4e f,
create ys 10e f, 20e f, 30e f, 40e f,
: .ys ( -- ) ys 4 0 do dup f@ .f float+ loop drop ;
xs float ys float 4 v* .f
xs 2 floats ys 2 floats 2 v* .f
xs float ys float 0 v* .f cr
2e xs float ys float 4 faxpy .ys cr
-1e xs 2 floats ys 2 floats 2 faxpy .ys cr
