\ gforth 0.7.3's defining, compiling and control-flow extension words that
\ are written in Forth: loaded at boot after gforth/words.fs. The ones that
\ need the dictionary or the control-flow graph are host words
\ (gforth_control.rs, gforth_defining.rs).

' constant alias aconstant ( x "name" -- )
' variable alias avariable ( "name" -- )
' value alias avalue ( x "name" -- )
' variable alias user ( "name" -- )
' user alias auser ( "name" -- )
: aliteral ( x -- ) postpone literal ; immediate compile-only
: ]L ( x -- ) ] postpone literal ;
: <is> ( xt "name" -- ) ' defer! ;
: [is] ( "name" -- ) ' postpone literal postpone defer! ; immediate compile-only
: postpone, ( w xt -- )
  dup ['] execute = if drop compile, else swap postpone literal compile, then ;
: name>comp ( nt -- w xt ) name>compile ;
: longstring, ( c-addr u -- ) dup , here swap dup allot move ;

\ Assertions: ASSERTn( ... ) checks the flag that the code inside leaves when
\ n is at most ASSERT-LEVEL, and otherwise skips the code as a comment.
variable assert-level ( -- a-addr )  1 assert-level !
: assertn ( n -- ) assert-level @ > if postpone ( then ;
: assert0( ( -- ) 0 assertn ; immediate
: assert1( ( -- ) 1 assertn ; immediate
: assert2( ( -- ) 2 assertn ; immediate
: assert3( ( -- ) 3 assertn ; immediate
: assert( ( -- ) 1 assertn ; immediate

\ Conditional compilation on whether a word is defined.
: [ifdef] ( "name" -- ) postpone [defined] postpone [if] ; immediate
: [ifundef] ( "name" -- ) postpone [undefined] postpone [if] ; immediate
' [then] alias [endif] ( -- ) immediate

\ Word lists and vocabularies.
: >order ( wid -- ) >r get-order r> swap 1+ set-order ;
: vocabulary ( "name" -- )
  wordlist create ,
  does> @ >r get-order dup if nip else 1+ then r> swap set-order ;
: seal ( -- ) get-order over >r 0 ?do drop loop r> 1 set-order ;
:noname ( nt -- flag ) name>string type space true ;
: wordlist-words ( wid -- ) cr [ ] literal swap traverse-wordlist ;
' words alias vlist ( -- )

\ Input sources.
' require alias needs ( "name" -- )

\ Other names gforth gives to words of the system.
' action-of alias what's ( "name" -- xt ) immediate
' id. alias .id ( nt -- )
' >name alias >head ( xt -- nt | 0 )
' parse-name alias parse-word ( "name" -- c-addr u )
' parse-name alias name ( "name" -- c-addr u )

\ .S (and ~~) show at most this many items from the top of the stack.
variable maxdepth-.s ( -- a-addr )  9 maxdepth-.s !
' id. alias .name ( nt -- )
: sfind ( c-addr u -- 0 | xt 1 | xt -1 )
  find-name dup if name>compile ['] execute = if 1 else -1 then then ;
