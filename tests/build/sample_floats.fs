\ A linked image with floats: constants, values and variables in the memory
\ snapshot, literals in code, and a host word (FSQRT's neighbours FSIN, F.).
1.5E FCONSTANT step
0E FVALUE total
FVARIABLE acc
: sum-steps ( n -- ) 0 ?DO total step F+ TO total LOOP ;
: MAIN
   10 sum-steps total F. CR
   2E FSQRT acc F! acc F@ FS. CR
   0.5E FSIN 8 SET-PRECISION F. CR
   FDEPTH . CR ;
