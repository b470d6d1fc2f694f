\ A small word that leaves its BEGIN loop with EXIT, called inside other
\ loops: it is pasted into its callers (the blocks its EXIT and REPEAT
\ leave behind do not count against its size), and behaves as a call.
create text 64 allot
s" the quick  brown fox jumps   over" dup constant tlen text swap move

: word-end ( pos -- pos' )   \ the first blank at or after pos
  begin dup tlen < while
    dup text + c@ bl = if exit then
    1+
  repeat ;

: count-words ( -- n )
  0 0 begin dup tlen < while                ( n pos )
    dup text + c@ bl = if 1+ else swap 1+ swap word-end then
  repeat drop ;

: lengths ( -- )
  0 begin dup tlen < while
    dup text + c@ bl = if 1+ else dup word-end tuck swap - . then
  repeat drop cr ;

: last-end ( -- pos )   \ from the last word: runs off the end
  tlen 4 - word-end ;

count-words . cr
lengths
last-end . cr
