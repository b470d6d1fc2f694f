\ Words with a static stack effect that print through the deferred TYPE
\ and EMIT keep their own items across the call, whatever TYPE executes.
variable typed  variable emitted
: counting-type ( c-addr u -- ) dup typed +! (type) ;
: counting-emit ( c -- ) 1 emitted +! (emit) ;
: row ( n -- ) dup 0 ?do dup i * 3 .r loop drop cr ;
: keep ( a b -- a b a+b ) 2dup + dup . ;
: stars ( n -- ) 0 ?do [char] * emit loop ;
: rows ( -- ) 5 1 do i row loop ;
rows  3 4 keep . . . cr  7 stars cr
' counting-type is type  ' counting-emit is emit
rows  3 4 keep . . . cr  7 stars cr
' (type) is type  ' (emit) is emit
typed @ . emitted @ . cr
