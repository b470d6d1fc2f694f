\ R> DROP, gforth's way to leave the caller, takes an item this definition
\ did not push: here the return stack holds no return addresses.
: leave-caller ( -- ) r> drop ;
