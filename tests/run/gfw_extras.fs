\ Older gforth words programs still use: CHAR- UMIN S>NUMBER ," CONVERT
\ FMOD ROWS COLS.
create text ," quoted text"
text count type cr
s" abc" + char- c@ emit cr
3 5 umin . -1 5 umin . 5 -1 umin . 7 7 umin . cr
s" 1234" s>number d. s" -12" s>number d. cr
create digits ," 123x"
0. digits convert c@ emit d. cr
0. digits char+ 1- convert drop d. cr
7.5e 2e fmod f. -7.5e 2e fmod f. 7e 7e fmod f. cr
rows . cols . cr
: bits ( -- ) base @ >r 2 base ! 0. s" 1011" >number 2drop d. r> base ! ;
bits cr
: documented ( -- n ) \G This text is glossary documentation.
  42 ;
\G A whole line of documentation.
documented . cr
