\ gforth 0.7.3's OUTFILE-ID is a VALUE: TO redirects what TYPE, EMIT and
\ . display until the next TO (the text sent to STDERR is not in stdout).
\ Its older input words: TIB and #TIB are the current input buffer, and a
\ program may replace BOOTMESSAGE. COMPILE, outside a definition appends
\ the xt to data space, as tables of xts are built.
." before" cr
stderr to outfile-id ." to stderr" 42 . cr
stdout to outfile-id ." after" cr
outfile-id stdout = . infile-id stdin = . cr
: quietly ( -- ) stderr to outfile-id ." hidden" cr stdout to outfile-id ;
quietly ." shown" cr
: both ( xt -- ) stderr outfile-execute ." back" cr ;
' quietly both
tib 0<> . #tib @ 0> . cr
tib #tib @ type cr
' noop is bootmessage ." replaced" cr
: | ( "name" -- ) ' compile, ;
create xts | dup | drop | swap
here xts - . xts @ ' dup = . xts cell+ @ ' drop = . cr
\ >STDERR sends what the rest of its definition displays to STDERR; the
\ caller's output goes back to STDOUT, whichever way the definition returns.
: diag ( n -- ) ." [" >stderr ." # diagnostic " . cr ;
: early ( flag -- ) ." (" >stderr ." on stderr" IF ." , leaving early" cr EXIT THEN ." , to the end" cr ;
5 diag ." ]" cr
true early ." )" cr  false early ." )" cr
