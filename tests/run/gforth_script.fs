#! /usr/bin/env gforth
\ gforth_script.fs -- a script: its #! line is a comment, and so is #!
\ followed by a space anywhere else; warnings off and on are accepted.
warnings off
." a script" cr
1 2 + . cr #! a comment to the end of the line
warnings on
bye
