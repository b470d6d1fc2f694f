\ CATCH reports THROW -4 from a word or a primitive that reads below the
\ bottom of an empty stack; the stack is as before, and the system goes on.
: u  drop ;
' u catch . depth . cr
' drop catch . depth . cr
: w  5 swap ;
' w catch . depth . cr
\ An item consumed only on a path not taken is no underflow.
: v  0 if drop 5 then ;
v depth . cr
: x  locals| b a |  a b + ;
1 ' x catch . depth . cr
\ Uncaught, it stops the program where the word was used.
drop 7 x
