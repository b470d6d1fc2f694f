\ R> DROP, gforth's way to leave the caller, takes an item this definition
\ did not push: here the return stack holds no return addresses. The word
\ is defined, with a warning, and running it is the error.
: leave-caller ( -- ) r> drop ;
." defined" cr
leave-caller
