\ gforth's two-part defining words: a child with its own interpretation and
\ compilation semantics, each run on the child's body.
: my-constant ( n "name" -- )
    create-interpret/compile ,
interpretation> @ <interpretation
compilation> @ postpone literal <compilation ;
5 my-constant five
five . cr
: five' ( -- n ) five ;
five' . cr

\ The compilation semantics can compile anything; here, a traced literal.
: traced ( n "name" -- )
    create-interpret/compile ,
interpretation> ." (interpreted) " @ <interpretation
compilation> ." (compiled) " @ postpone literal postpone . <compilation ;
42 traced answer
answer . cr
: show ( -- ) answer ;
cr show cr

\ A defining word may use control flow in each part.
: sign-word ( n "name" -- )
    create-interpret/compile ,
interpretation> @ 0< if ." negative" else ." not negative" then <interpretation
compilation> @ postpone literal postpone 0< <compilation ;
-3 sign-word minus
minus cr
: m ( -- flag ) minus ;
m . cr
