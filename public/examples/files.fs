\ files: the FILE ACCESS word set. In the browser, files live in memory.

s" notes.txt" w/o create-file throw constant out
s" first line" out write-line throw
s" second line" out write-line throw
out close-file throw

\ Read it back a line at a time.
create line 80 allot
s" notes.txt" r/o open-file throw constant in
: show-lines ( -- )
  begin  line 80 in read-line throw  while  line swap type cr  repeat drop ;
show-lines
in file-size throw d. cr                  \ bytes in the file
in close-file throw
s" notes.txt" delete-file throw
s" notes.txt" r/o open-file nip 0<> . cr  \ true: it is gone
