\ gfo_order.fs -- gforth's search order as programs see it: the order at
\ start, Root, ONLY, vocabularies, and what ORDER, .VOC and WORDS print.

\ At start the order is Forth Forth Root, compiling into Forth.
order cr
get-order . forth-wordlist = . forth-wordlist = . drop cr
root words cr

\ A vocabulary replaces the first word list of the order; ALSO pushes.
vocabulary tools
tools order cr
also definitions order cr
: hammer ( -- ) ." bang " ;
: saw ( -- ) ." zzz " ;
: hammer ( -- ) ." BANG " ;
words cr
hammer saw cr
previous forth definitions order cr

\ A word list is named by a constant made right after it, and only then.
wordlist constant gadgets
gadgets .voc cr
wordlist 1 constant one constant unnamed
unnamed .voc one . cr
wordlist .voc cr
forth-wordlist .voc cr
gadgets >order unnamed >order order cr
previous previous

\ WORDS of an empty word list prints just the new line.
unnamed >order words cr previous

\ WORDS breaks its lines before a name that would reach column 80.
get-current gadgets set-current
: a123456789 ; : b123456789 ; : c123456789 ; : d123456789 ;
: e123456789 ; : f123456789 ; : g12345678 ; : h1234567 ;
: x1 ; : x1 ;
: a-very-long-name-that-fills-most-of-one-line-of-the-listing-by-itself-alone ;
: y ;
set-current
gadgets >order words cr previous

\ ONLY and -1 SET-ORDER leave Root twice; Root's Forth gets back.
: show-only ( -- ) only order forth also definitions order ;
show-only cr
: show-minimum ( -- ) -1 set-order order forth also ;
show-minimum cr
order cr

\ In Root only its five words are found: ROOT then + is undefined, ROOT
\ then FORTH gets back.
: in-root ( c-addr u -- n )
  2>r get-order 2r> forth-wordlist 1 set-order
  ['] evaluate catch dup if nip nip then >r set-order r> ;
s" root +" in-root . cr
s" root forth" in-root . cr
s" root words order" in-root . cr
s" root dup" in-root . cr
order cr
