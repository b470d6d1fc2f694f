\ ALIGN pads with blanks, as gforth does, and so does the padding after a
\ compiled string: a program that reads past the string sees a blank.
: t ( -- c ) s" ab" drop 2 + c@ ;
t . cr
here 1 c, align here over - . 1+ c@ . cr
here 3 c, 4 c, align 2 + c@ . cr
