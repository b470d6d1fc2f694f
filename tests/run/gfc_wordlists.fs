\ gforth's word-list words: VOCABULARY, >ORDER, SEAL, WORDLIST-WORDS and
\ VLIST.

vocabulary shapes
also shapes definitions
: area ( w h -- a ) * ;
: describe ( -- ) ." shapes' describe" ;
previous definitions
: describe ( -- ) ." forth's describe" ;

describe cr
also shapes describe cr
forth describe cr
shapes 3 4 area . describe previous cr

\ >ORDER puts a word list first in the search order.
wordlist constant colors
colors set-current
: red ( -- n ) 1 ;  : green ( -- n ) 2 ;
forth-wordlist set-current
colors >order red green + . previous cr

\ WORDLIST-WORDS lists a word list's words, newest first.
colors wordlist-words cr

\ SEAL keeps only the first word list of the search order.
: seal-demo ( -- n flag )
  get-order  colors >order seal  get-order >r >r  set-order  r> r> swap colors = ;
seal-demo . . cr
