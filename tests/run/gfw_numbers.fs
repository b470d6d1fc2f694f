\ gforth's number words: HEX. DEC. DEC.R UD. UD.R <<# #>> DIGIT?
\ S>NUMBER? S>UNUMBER? DPL, the character constants and UD/MOD.
255 hex. -1 hex. 0 hex. 16 hex. cr
hex -5 dec. 5 dec. 100 dec. decimal 10 dec. cr
-5 6 dec.r 5 1 dec.r 12345 2 dec.r 0 3 dec.r cr
-1 -1 ud. 0 0 ud. 10 0 5 ud.r 123456789. 3 ud.r cr
hex -1 -1 ud. decimal cr

\ <<# #>> nest: the inner number is built and typed while the outer one is
\ still being held.
: .inner ( n -- ) <<# 0 #s #> type #>> ;
: .both ( n1 n2 -- ) <<# 0 #s 2>r .inner ." :" 2r> #> type #>> ;
12 345 .both cr
42 .inner space 7 .inner cr
: .padded ( u -- ) <<# 0 # # # #> type #>> ;
7 .padded space 123 .padded cr
: nested3 ( -- ) <<# [char] a hold <<# [char] b hold <<# [char] c hold
  0 0 #> type #>> 0 0 #> type #>> 0 0 #> type #>> ;
nested3 cr

: .digit ( char -- ) digit? if . else ." no " then ;
char 7 .digit char 0 .digit char a .digit char : .digit char @ .digit cr
hex char a .digit char F .digit char g .digit decimal cr
36 base ! char z .digit char Z .digit decimal cr
2 base ! char 1 .digit char 2 .digit decimal cr

: .num ( c-addr u -- ) s>number? . . . dpl ? cr ;
s" 123" .num
s" -1.5" .num
s" 1.2.3" .num
s" 12." .num
s" $ff" .num
s" #10" .num
s" %101" .num
s" &17" .num
s" -$10" .num
s" 0x1F" .num
s" 0Xff" .num
s" abc" .num
s" 12x" .num
s" " .num
s" -" .num
s" ." .num
s" 'a'" .num
s" 'b" .num
s" 'ab" .num
hex s" ff" .num s" 10." .num decimal
: .unum ( c-addr u -- ) s>unumber? . . . dpl ? cr ;
s" 99" .unum
s" -5" .unum
s" 12." .unum
s" 1..2" .unum
s" 4294967296." .unum

#bell . #bs . #cr . #del . #eof . #ff . #lf . #tab . cr
10 0 3 ud/mod . . . cr
-1 -1 10 ud/mod . . . cr
