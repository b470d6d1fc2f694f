\ conf_numeric.fs -- T{ }T conformance cases for pictured numeric output and BASE: <# # #S HOLD SIGN #> BASE HEX DECIMAL
S" lib/tester.fs" INCLUDED
0 INVERT CONSTANT max-u
max-u 1 RSHIFT CONSTANT max-n
max-n INVERT CONSTANT min-n

: same-str ( a1 u1 a2 u2 -- f )
   ROT OVER <> IF DROP 2DROP FALSE EXIT THEN
   0 ?DO OVER I CHARS + C@ OVER I CHARS + C@ <> IF 2DROP FALSE UNLOOP EXIT THEN LOOP
   2DROP TRUE ;
: u>s ( u -- c-addr u ) 0 <# #S #> ;
: n>s ( n -- c-addr u ) DUP ABS 0 <# #S ROT SIGN #> ;
: ud>s ( d -- c-addr u ) <# #S #> ;
: in-base ( xt base -- ... ) BASE @ >R BASE ! EXECUTE R> BASE ! ;

\ #S
T{ 0 u>s S" 0" same-str -> TRUE }T
T{ 7 u>s S" 7" same-str -> TRUE }T
T{ 1234567890 u>s S" 1234567890" same-str -> TRUE }T
T{ max-u u>s S" 4294967295" same-str -> TRUE }T
T{ min-n u>s S" 2147483648" same-str -> TRUE }T
\ SIGN
T{ -1 n>s S" -1" same-str -> TRUE }T
T{ 0 n>s S" 0" same-str -> TRUE }T
T{ 42 n>s S" 42" same-str -> TRUE }T
T{ -42 n>s S" -42" same-str -> TRUE }T
T{ max-n n>s S" 2147483647" same-str -> TRUE }T
T{ min-n n>s S" -2147483648" same-str -> TRUE }T
\ # converts exactly one digit, even a leading zero
: 3dig ( u -- c-addr u ) 0 <# # # # #> ;
T{ 5 3dig S" 005" same-str -> TRUE }T
T{ 1234 3dig S" 234" same-str -> TRUE }T
T{ 0 0 <# # #> S" 0" same-str -> TRUE }T
\ HOLD
: money ( u -- c-addr u ) 0 <# # # [CHAR] . HOLD #S [CHAR] $ HOLD #> ;
T{ 12345 money S" $123.45" same-str -> TRUE }T
T{ 5 money S" $0.05" same-str -> TRUE }T
T{ 0 0 <# CHAR b HOLD CHAR a HOLD #> S" ab" same-str -> TRUE }T
T{ 0 0 <# #> NIP -> 0 }T
\ double cells
T{ 0 1 ud>s S" 4294967296" same-str -> TRUE }T
T{ max-u max-u ud>s S" 18446744073709551615" same-str -> TRUE }T
T{ 1000000 1000000 UM* ud>s S" 1000000000000" same-str -> TRUE }T
\ other bases
: hex-s ( u -- c-addr u ) ['] u>s 16 in-base ;
: bin-s ( u -- c-addr u ) ['] u>s 2 in-base ;
: b36-s ( u -- c-addr u ) ['] u>s 36 in-base ;
T{ 255 hex-s S" FF" same-str -> TRUE }T
T{ max-u hex-s S" FFFFFFFF" same-str -> TRUE }T
T{ 0 hex-s S" 0" same-str -> TRUE }T
T{ 10 bin-s S" 1010" same-str -> TRUE }T
T{ max-u bin-s NIP -> 32 }T
T{ 35 b36-s S" Z" same-str -> TRUE }T
T{ 36 b36-s S" 10" same-str -> TRUE }T
T{ min-n ' n>s 16 in-base S" -80000000" same-str -> TRUE }T
\ BASE HEX DECIMAL
T{ BASE @ -> 10 }T
T{ HEX BASE @ DECIMAL -> 16 }T
T{ DECIMAL BASE @ -> 10 }T
T{ 2 BASE ! BASE @ DECIMAL -> 2 }T
T{ HEX FF 10 DECIMAL -> 255 16 }T
T{ 8 BASE ! 17 DECIMAL -> 15 }T
\ the pictured buffer does not depend on stack contents
T{ 1 2 3 0 <# #S #> 2DROP -> 1 2 }T

REPORT
