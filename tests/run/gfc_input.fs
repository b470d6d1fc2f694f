\ gforth's input-source words: SOURCEFILENAME, SOURCELINE#, NEEDS,
\ INCLUDED? and EXECUTE-PARSING.

sourceline# . cr
: where ( -- ) ." line " sourceline# . ;
\ SOURCELINE# and SOURCEFILENAME are read when a word runs, so WHERE
\ reports the line that calls it.
where cr
sourcefilename s" gfc_input.fs" search nip nip . cr

\ NEEDS loads a file once, like REQUIRE.
needs gfc_lib/gfc_helper.fs
needs gfc_lib/gfc_helper.fs
helper-loaded . cr
s" gfc_lib/nothing.fs" included? .
s" gfc_lib/nothing.fs" add-included-file  s" gfc_lib/nothing.fs" included? . cr

\ EXECUTE-PARSING runs a parsing word on a string.
s" answer" ' variable execute-parsing
42 answer !  answer @ . cr
: define-constant ( n c-addr u -- ) ['] constant execute-parsing ;
7 s" seven" define-constant  seven . cr
s" hello world" ' parse-name execute-parsing type cr
:noname ( -- n ) 0 begin parse-name nip while 1+ repeat ;
constant word-counter
s" one two  three four" word-counter execute-parsing . cr
