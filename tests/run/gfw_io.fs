\ gforth's I/O words: STDOUT and EMIT-FILE, OUTFILE-EXECUTE and
\ INFILE-EXECUTE, SLURP-FILE and SLURP-FID, KEY-FILE, KEY?-FILE, FILE-EOF?,
\ BASE-EXECUTE, FORM, WCWIDTH, GETENV, UTIME and CPUTIME.
s" to stdout" stdout write-file . cr
s" a line" stdout write-line .
char x stdout emit-file . #lf stdout emit-file .
stdout flush-file . cr
outfile-id stdout = . infile-id stdin = . cr

: report ( -- ) ." report: " 42 . ." done" cr ;
s" gfw-io.txt" w/o create-file throw constant out
' report out outfile-execute
char ! out emit-file drop
: same-out? ( fid -- ) outfile-id = . ;
out ' same-out? out outfile-execute   \ OUTFILE-ID inside is the file
out close-file throw
s" gfw-io.txt" slurp-file type cr
s" gfw-io.txt" slurp-file nip .
s" gfw-io.txt" r/o open-file throw dup slurp-fid type close-file throw cr

\ KEY-FILE reads bytes and gives 4 at the end; FILE-EOF? becomes true there.
s" gfw-io.txt" r/o open-file throw constant in
in file-eof? . in key?-file . in key-file emit in key-file emit in file-eof? . cr
: rest ( fid -- ) begin dup key-file dup 4 <> while drop repeat drop drop ;
in rest in file-eof? . in key-file . in key-file . cr
0. in reposition-file throw
\ INFILE-EXECUTE: KEY reads the file, and INFILE-ID is the file.
: first-word ( -- ) key emit key emit key emit key emit in infile-id = . ;
' first-word in infile-execute cr
in close-file throw
s" gfw-io.txt" delete-file throw

\ A big file, to grow SLURP-FID's buffer several times.
s" gfw-big.txt" w/o create-file throw constant big
: fill-big ( -- ) 500 0 do i 0 <# # # # # #> big write-line throw loop ;
fill-big big close-file throw
s" gfw-big.txt" slurp-file dup . over 10 type over 2490 + 10 type drop free . cr
s" gfw-big.txt" delete-file throw

: .hex ( n -- ) ['] . 16 base-execute ;
255 .hex 10 .hex base @ . cr
: oops ( -- ) 1 throw ;
' oops 2 ' base-execute catch . 2drop base @ . cr
form . . cr
0 wcwidth . 65 wcwidth . 7 wcwidth . 127 wcwidth . 233 wcwidth . $4e00 wcwidth . cr
s" GFW_SURELY_NOT_SET_ANYWHERE" getenv . . cr
utime d0> . cputime 2drop d0< . cr
