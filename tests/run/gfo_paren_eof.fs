\ gfo_paren_eof.fs -- a ( comment may span lines in a file; one still open
\ at the end of the file ends there with a warning on stdout (none with
\ WARNINGS off), and the file's words are all defined.
( a comment
  over two lines ) 1 .
s" gfo_paren_eof1.fs" w/o create-file throw
dup s" : from-first 11 ; ( open" rot write-line throw close-file throw
s" gfo_paren_eof1.fs" included
from-first . cr
warnings off
s" gfo_paren_eof1.fs" included
warnings on
from-first . cr
s" gfo_paren_eof1.fs" delete-file throw
\ The last comment of this file has no end.
( this one runs to the end of the file
: not-defined ;
