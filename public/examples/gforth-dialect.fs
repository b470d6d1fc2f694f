\ gforth-dialect: code as it is written for gforth, which runs here too.

." Hello from gforth's dialect!" cr       \ ." works outside definitions

\ gforth's locals: { in -- out }, with type prefixes (F: for a float).
: hypot { F: a F: b -- F: c }  a a f* b b f* f+ fsqrt ;
3e 4e hypot f. cr

\ >= <= and friends, BOUNDS, 1+ loops over a string.
: count-e ( c-addr u -- n )  0 -rot bounds ?do  i c@ [char] e = -  loop ;
s" seventeen green trees" count-e . cr
5 3 >= . 3 5 <= . cr

\ CREATE ... DOES> while interpreting, as gforth allows.
create counter 0 , does> 1 over +! @ ;
counter . counter . counter . cr
