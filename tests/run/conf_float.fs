\ conf_float.fs -- T{ }T cases for FLOATING-POINT: arithmetic, comparison,
\ stack words, memory, conversion, literals and >FLOAT. Float results are
\ checked through flags (F= F< F~) or conversions to cells.
S" lib/tester.fs" INCLUDED

\ Literals: the text interpreter takes E-forms in decimal.
T{ 1E 1.E0 F= -> TRUE }T
T{ +1.E0 1E F= -> TRUE }T
T{ -2e-1 -0.2E F= -> TRUE }T
T{ 1.5E3 F>S -> 1500 }T
T{ .5E 0.5E F= -> TRUE }T
T{ 1E1 F>S 1e+1 F>S -> 10 10 }T
: lit-in-def  2.5E 4E F* ;
T{ lit-in-def F>S -> 10 }T

\ Arithmetic
T{ 1E 2E F+ 3E F= -> TRUE }T
T{ 1E 2E F- -1E F= -> TRUE }T
T{ 3E 4E F* 12E F= -> TRUE }T
T{ 1E 4E F/ 0.25E F= -> TRUE }T
T{ 2E FNEGATE -2E F= -> TRUE }T
T{ -3E FABS 3E F= -> TRUE }T
T{ 1E 2E FMAX F>S 1E 2E FMIN F>S -> 2 1 }T
T{ 16E FSQRT F>S -> 4 }T
T{ 2.5E FLOOR F>S -2.5E FLOOR F>S -> 2 -3 }T
T{ 2.5E FROUND F>S 3.5E FROUND F>S -2.5E FROUND F>S -> 2 4 -2 }T
T{ 2.7E FTRUNC F>S -2.7E FTRUNC F>S -> 2 -2 }T
T{ 1E 0E F/ 1E 0E F/ F= -> TRUE }T

\ Comparison
T{ 1E 2E F< 2E 1E F< 1E 1E F< -> TRUE FALSE FALSE }T
T{ -1E F0< 0E F0< 1E F0< -> TRUE FALSE FALSE }T
T{ 0E F0= -0E F0= 1E F0= -> TRUE TRUE FALSE }T
T{ 1E 1.1E 0.2E F~ 1E 1.3E 0.2E F~ -> TRUE FALSE }T
T{ 0E 0E 0E F~ 0E -0E 0E F~ -> TRUE FALSE }T
T{ 100E 100.5E -0.01E F~ 100E 110E -0.01E F~ -> TRUE FALSE }T

\ Stack words
T{ FDEPTH -> 0 }T
T{ 1E 2E FDEPTH FDROP FDROP -> 2 }T
T{ 1E FDUP F+ F>S -> 2 }T
T{ 1E 2E FSWAP F>S F>S -> 1 2 }T
T{ 1E 2E FOVER F>S F>S F>S -> 1 2 1 }T
T{ 1E 2E 3E FROT F>S F>S F>S -> 1 3 2 }T
T{ 1E 2E 3E 2 FPICK F>S FDROP FDROP FDROP -> 1 }T

\ Memory
FVARIABLE fv
T{ 3.25E fv F! fv F@ 3.25E F= -> TRUE }T
T{ 1.5E fv DF! fv DF@ 1.5E F= -> TRUE }T
T{ 0.5E fv SF! fv SF@ 0.5E F= -> TRUE }T
T{ 0.1E fv SF! fv SF@ 0.1E F= -> FALSE }T
T{ fv FALIGNED fv = -> TRUE }T
7.5E FCONSTANT fc
T{ fc F>S -> 7 }T
: use-fc  fc 2E F* ;
T{ use-fc F>S -> 15 }T
: flit  [ 6E ] FLITERAL ;
T{ flit F>S -> 6 }T
T{ 1 FLOATS 0 FLOAT+ 3 FALIGNED 8 FALIGNED -> 8 8 8 8 }T
T{ 1 SFLOATS 0 SFLOAT+ 5 SFALIGNED 1 DFLOATS 0 DFLOAT+ 9 DFALIGNED -> 4 4 8 8 8 16 }T
T{ HERE 1 ALLOT FALIGN HERE FALIGNED HERE = SWAP HERE < -> TRUE TRUE }T
T{ HERE 2E F, HERE SWAP - -> 8 }T

\ Fields
0 FFIELD: fa FFIELD: fb CONSTANT f-size
T{ f-size 0 fa 8 fb -> 16 0 16 }T
1 SFFIELD: sc DFFIELD: sd CONSTANT s-size
T{ s-size 4 sc 0 sd -> 16 8 8 }T

\ THROW restores the float stack depth too
: throws-with-floats  1E 2E 5 THROW ;
T{ ' throws-with-floats CATCH FDEPTH -> 5 0 }T
: drops-then-throws  FDROP 7 THROW ;
T{ 1E ' drops-then-throws CATCH FDEPTH FDROP -> 7 1 }T

\ Conversion
T{ 7 S>F F>S -7 S>F F>S -> 7 -7 }T
T{ -1.9E F>S -> -1 }T
T{ 5. D>F F>S -> 5 }T
T{ 1E10 F>D -> 1410065408 2 }T
T{ -1. D>F F>D -> -1. }T

\ >FLOAT
T{ S" 1.5" >FLOAT F>S -> TRUE 1 }T
T{ S" 9d-" >FLOAT 9E F= -> TRUE TRUE }T
T{ S" 1+1" >FLOAT 10E F= -> TRUE TRUE }T
T{ S" " >FLOAT F0= -> TRUE TRUE }T
T{ S" ." >FLOAT S" E5" >FLOAT S" 1E5X" >FLOAT S" 9 " >FLOAT -> FALSE FALSE FALSE FALSE }T
T{ S" -.35+4" >FLOAT -3500E F= -> TRUE TRUE }T

\ Transcendental functions
T{ 0E FSIN F0= 0E FCOS 1E F= -> TRUE TRUE }T
T{ 1E FATAN 4E F* 3.14159265358979E -1E-14 F~ -> TRUE }T
T{ 1E -1E FATAN2 2.35619449019234E -1E-14 F~ -> TRUE }T
T{ 1E FEXP FLN 1E -1E-15 F~ -> TRUE }T
T{ 2E 10E F** 1024E F= -> TRUE }T
T{ 3E FALOG 1000E -1E-15 F~ 1000E FLOG 3E -1E-15 F~ -> TRUE TRUE }T
T{ 0E FEXPM1 F0= 0E FLNP1 F0= -> TRUE TRUE }T
T{ 0.5E FSINCOS FSWAP 0.5E FSIN F= 0.5E FCOS F= -> TRUE TRUE }T
T{ 1E FSINH FASINH 1E -1E-15 F~ 2E FCOSH FACOSH 2E -1E-15 F~ -> TRUE TRUE }T
T{ 0.5E FTANH FATANH 0.5E -1E-15 F~ -> TRUE }T
T{ 0.5E FASIN FSIN 0.5E -1E-15 F~ 0.5E FACOS FCOS 0.5E -1E-15 F~ -> TRUE TRUE }T
T{ 0.5E FTAN 0.5E FSIN 0.5E FCOS F/ -1E-15 F~ -> TRUE }T

\ ENVIRONMENT? queries
T{ S" MAX-FLOAT" ENVIRONMENT? 1.7976931348623157E308 F= -> TRUE TRUE }T
T{ S" FLOATING-STACK" ENVIRONMENT? SWAP 0> -> TRUE TRUE }T
T{ S" FLOATING" ENVIRONMENT? S" FLOATING-EXT" ENVIRONMENT? -> TRUE TRUE TRUE TRUE }T

T{ FDEPTH -> 0 }T
REPORT
