\ A built image keeps word lists, the search order and the compilation word list.
WORDLIST CONSTANT wl
GET-ORDER wl SWAP 1+ SET-ORDER DEFINITIONS
: inner ( -- ) ." in wl " ;
FORTH-WORDLIST SET-CURRENT
: main ( -- ) S" inner" EVALUATE S" inner" wl SEARCH-WORDLIST . DROP CR ;
