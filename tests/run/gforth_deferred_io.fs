\ Redirect output into a buffer, gforth style.
create buf 200 chars allot  variable #buf
: buf-type ( addr u -- ) tuck buf #buf @ + swap move #buf +! ;
: buf-emit ( c -- ) buf #buf @ + c! 1 #buf +! ;
: capture ( xt -- addr u )
  0 #buf !  what's type >r  what's emit >r
  ['] buf-type is type  ['] buf-emit is emit
  catch  r> is emit  r> is type  throw  buf #buf @ ;
:noname 42 . ." hi" cr 7 emit .( paren) 1 2 .s ; capture
dup . cr  type cr
' type defer@ ' (type) = .
: shout ( addr u -- ) bounds ?do i c@ toupper defers emit loop ;
' shout is type
." quiet words" cr  s" abc" type 12 . 
' (type) is type cr
action-of emit ' (emit) = .
