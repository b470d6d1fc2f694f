\ gforth's xchar words are deferred: SET-ENCODING-FIXED-WIDTH makes one byte
\ one character, SET-ENCODING-UTF-8 goes back to UTF-8 (the default here),
\ and a program may install its own with IS, as gforth's utf-8.fs does.
s\" \xc3\xa4x" drop dup xc@ . dup xchar+ c@ . dup xc@+ . drop cr
228 xemit 8364 xc-size . s\" a\xe2\x82\xac" x-size . s" abc" x-width . cr
set-encoding-fixed-width
s\" \xc3\xa4x" drop dup xc@ . dup xchar+ c@ . 8364 xc-size . s\" \xe2\x82\xac" x-width . cr
s\" ab\xc3" -trailing-garbage . drop s\" abc" +x/string type cr
set-encoding-utf-8
s\" \xc3\xa4" drop xc@ . s\" ab\xc3" -trailing-garbage . drop cr
\ A program's own hook: XEMIT that shows code points in brackets.
: bracketed ( xc -- ) [char] [ emit 0 .r [char] ] emit ;
' bracketed is xemit
65 xemit 8364 xemit cr
set-encoding-utf-8 8364 xemit cr
