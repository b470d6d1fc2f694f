\ pictured: number formatting with <# # #S HOLD SIGN #>.

: .money ( cents -- )  s>d <# # # [char] . hold #s [char] $ hold #> type ;
123456 .money cr

: .time ( seconds -- )  s>d <# # 6 base ! # decimal [char] : hold # 6 base ! # decimal [char] : hold #s #> type ;
3725 .time cr                             \ 1:02:05

: .hex ( n -- )  base @ >r hex  0 <# # # # # #> type  r> base ! ;
48879 .hex cr

: .signed ( n -- )  dup abs s>d <# #s rot sign #> type ;
-42 .signed cr
