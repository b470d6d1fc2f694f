\ PICK and ROLL with a literal index compile to moves within the stack
\ cache. Each form must agree with the general one.

: p0 ( a -- a a ) 0 pick ;
: p1 ( a b -- a b a ) 1 pick ;
: p3 ( a b c d -- a b c d a ) 3 pick ;
: r0 ( a -- a ) 0 roll ;
: r1 ( a b -- b a ) 1 roll ;
: r2 ( a b c -- b c a ) 2 roll ;
: r4 ( a b c d e -- b c d e a ) 4 roll ;
1 p0 . . cr
1 2 p1 . . . cr
1 2 3 4 p3 . . . . . cr
7 r0 . cr
1 2 r1 . . cr
1 2 3 r2 . . . cr
1 2 3 4 5 r4 . . . . . cr

\ Reaching below the word's own items, into the caller's.
: deep ( -- x ) 2 pick ;
10 20 30 deep . . . . cr
: deeproll ( -- ) 3 roll ;
1 2 3 4 deeproll . . . . cr

\ In loops and branches, with a computed index next to a literal one.
: mix ( a b c -- s )
  0 4 0 do  1 pick + loop  nip nip nip ;
1 2 3 mix . cr
: pick-or-roll ( a b c flag -- x ) if 2 pick else 2 roll then ;
1 2 3 -1 pick-or-roll . . . . cr
1 2 3 0 pick-or-roll . . . cr
: computed ( a b c u -- x ) pick ;
1 2 3 2 computed . . . . cr

\ Tak, the benchmark's shape.
: tak ( x y z -- r )
  over 3 pick < if
    2 pick 1-  2 pick  2 pick  recurse >r
    over 1-  over  4 pick      recurse >r
    dup 1-  3 pick  3 pick     recurse >r
    drop 2drop
    r> r> r>  swap rot  recurse
  else
    nip nip
  then ;
18 12 6 tak . 12 8 4 tak . cr

\ An index too large for the fast path still works.
: far ( -- x ) 40 pick ;
: fill-stack 45 0 do i loop ;
fill-stack far . depth . cr
