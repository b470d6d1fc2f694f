\ Words of gforth 0.7.3 that public programs use: bits of a character in
\ memory, MEM, , DEFINED and the compiler-security pair !CSP ?CSP.
create flags 5 c,
2 flags cset flags c@ .  1 flags creset flags c@ .  6 flags ctoggle flags c@ . cr
defined dup . defined no-such-word . cr
here s" abc" mem, here swap - . here 3 - 3 type cr
: checked ( -- ) !csp 1 2 + drop ?csp ." balanced" cr ;
checked
: unbalanced ( -- ) !csp 1 ?csp ;
' unbalanced catch . depth . cr
nil . cr
\ \"-PARSE, S\"'s parser: the string lies at HERE, not allotted.
: say ( "text<quote>" -- ) \"-parse type cr ;
here say tab\tend\x21 and \"quotes\""  here = . cr
3 sgn . -3 sgn . 0 sgn . cr
