\ immediate_postpone.fs -- IMMEDIATE, POSTPONE of immediate and non-immediate words, [ ] LITERAL STATE COMPILE, [COMPILE]
: now ( -- ) ." [now]" ; IMMEDIATE
.( immediate runs at compile time: ) : uses-now ." (body)" now ; CR
.( later the body runs without it: ) uses-now CR
.( immediate also runs interpreted: ) now CR
: state? ( -- ) STATE @ 0<> . ; IMMEDIATE
.( state while interpreting: ) state? CR
.( state while compiling: ) : st state? ; CR
: my-if ( -- orig ) POSTPONE IF ; IMMEDIATE
: my-then ( orig -- ) POSTPONE THEN ; IMMEDIATE
: test-my-if ( f -- ) my-if ." yes" my-then ." ." ;
.( postpone immediate: ) TRUE test-my-if FALSE test-my-if CR
: add-later ( -- ) POSTPONE + ; IMMEDIATE
: sum3 ( a b c -- n ) add-later add-later ;
.( postpone non-immediate: ) 1 2 3 sum3 . CR
: compile-dup ( -- ) POSTPONE DUP POSTPONE * ; IMMEDIATE
: squared compile-dup ;
.( postponed sequence: ) 9 squared . CR
: [five] ( -- ) 5 POSTPONE LITERAL ; IMMEDIATE
: five [five] ;
.( postpone literal: ) five . CR
: lit-now [ 6 7 * ] LITERAL ;
.( [ ] literal: ) lit-now . CR
: brackets [ .( compiled-time print ) ] 1 ;
.(  brackets body: ) brackets . CR
: state-in-bracket [ STATE @ ] LITERAL ;
.( state inside [ ]: ) state-in-bracket . CR
: compile-comma ( -- ) ['] DROP COMPILE, ; IMMEDIATE
: drops compile-comma ;
.( compile, : ) 1 2 drops . CR
: old-if [COMPILE] IF ; IMMEDIATE
: test-old-if IF ." T" ELSE ." F" THEN ;
: test-old-if2 old-if ." t" THEN ;
.( [compile]: ) 1 test-old-if2 0 test-old-if2 1 test-old-if CR
: [compile]-non-imm [COMPILE] DUP ;
.( [compile] non-immediate: ) 4 [compile]-non-imm . . CR
\ POSTPONE of a user-defined immediate word compiles its execution, so the
\ "!" is printed when post-shout runs, i.e. while uses-post-shout is compiled.
: shout ( -- ) ." !" ; IMMEDIATE
: post-shout POSTPONE shout ; IMMEDIATE
.( while compiling: ) : uses-post-shout ." a" post-shout ." b" ; CR
.( at run time: ) uses-post-shout CR
\ A word that makes words: postpone inside a compile-time helper.
: +n ( n -- ) POSTPONE LITERAL POSTPONE + ;
: add10 [ 10 +n ] ;
.( postpone from a non-immediate helper called in [ ]: ) 5 add10 . CR
: immediate-later ( -- ) ." x" ;
IMMEDIATE
.( immediate after the fact: ) : iml immediate-later ; CR
: loop-maker ( -- ) 0 POSTPONE LITERAL POSTPONE ?DO POSTPONE I POSTPONE . POSTPONE LOOP ; IMMEDIATE
: counts 4 loop-maker ;
.( postponed loop: ) counts CR
: ]-test [ 1 2 + ] LITERAL [ ] ;
.( [ ] around nothing: ) ]-test . CR
