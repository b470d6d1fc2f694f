\ gforth_compat.fs -- words of gforth's image that its libraries build on:
\ ENVIRONMENT-WORDLIST, FIELD's factors (CREATE-FIELD, FIELD,), and the
\ locals stack (>L F>L @LOCAL0 F@LOCAL0 LP+ LP@).
environment-wordlist >order
max-n . max-u . max-d d. address-unit-bits . floored . cr
previous
struct
  cell% field p.x
  cell% field p.y
  char% field p.tag
end-struct point%
point% %size . point% %alignment . cr
create pt point% %allot drop
3 pt p.x !  4 pt p.y !  char q pt p.tag c!
pt p.x @ . pt p.y @ . pt p.tag c@ emit cr
1 0 cell% create-field first-field char% create-field second-field
. . ' first-field >body @ . ' second-field >body @ . cr
: fswap-via-locals ( F: r1 r2 -- r2 r1 ) f>l f>l f@local0 lp+ f@local0 lp+ ;
1e 2e fswap-via-locals f. f. cr
lp@ 5 >l dup lp@ - . @local0 . cell lp@ + lp! lp@ = . cr
