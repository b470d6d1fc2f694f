\ strings: a string is an address and a length on the data stack.

s" Hello, Forth" type cr
s" Hello, Forth" nip . cr                 \ its length

\ /STRING drops characters from the front; -TRAILING drops blanks at the end.
s" Hello, Forth" 7 /string type cr        \ Forth
s" padded   " -trailing type ." |" cr

\ COMPARE orders strings; SEARCH finds one inside another.
s" apple" s" banana" compare . cr         \ -1: apple comes first
s" Hello, Forth" s" Forth" search . type cr

\ Count the vowels of a string, one character at a time.
: vowel? ( c -- flag )
  case [char] a of true endof [char] e of true endof [char] i of true endof
       [char] o of true endof [char] u of true endof false swap endcase ;
: vowels ( c-addr u -- n )  0 -rot over + swap ?do  i c@ vowel? if 1+ then  loop ;
s" programming in forth" vowels . cr

\ A copy in a buffer of our own can be changed: upper-case it.
create buf 64 chars allot
: upper ( c-addr u -- )  over + swap ?do  i c@ dup [char] a [char] z 1+ within if 32 - then i c!  loop ;
s" shout this" buf swap dup >r move  buf r@ upper  buf r> type cr
