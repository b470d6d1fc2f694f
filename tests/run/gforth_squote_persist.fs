\ gforth_squote_persist.fs -- interpreted S" strings stay where they are, as
\ gforth 0.7.3 keeps each in memory of its own: tables of them work.
create colours s" red" 2, s" green" 2, s" blue" 2, s" cyan" 2, s" magenta" 2,
: colour ( n -- c-addr u ) 2* cells colours + 2@ ;
: all ( -- ) 5 0 do i colour type space loop cr ;
all
s" one" s" two" s" three" s" four" 2swap type space type space type space type cr
s\" tab\there" 2constant tabbed  tabbed type cr
all
