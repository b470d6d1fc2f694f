\ WORD leaves its counted string at HERE, as gforth does: Starting Forth's
\ idiom for compiling a string keeps it with ALLOT.
: ,q ( "text<quote>" -- ) [char] " word c@ 1+ allot ;
create greeting ,q hello world"
create farewell ,q so long"
greeting count type cr farewell count type cr
here bl word abc = . cr
