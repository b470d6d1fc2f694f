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
  wordlist create dup , (names-wordlist)
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

\ The environment as a word list (gforth's ENVIRONMENT-WORDLIST): each
\ query of ENVIRONMENT? is a word there, so `environment-wordlist >order`
\ makes MAX-N and friends words of their own.
wordlist constant environment-wordlist ( -- wid )
get-current environment-wordlist set-current
s" /COUNTED-STRING" environment? drop constant /COUNTED-STRING
s" /HOLD" environment? drop constant /HOLD
s" /PAD" environment? drop constant /PAD
s" ADDRESS-UNIT-BITS" environment? drop constant ADDRESS-UNIT-BITS
s" FLOORED" environment? drop constant FLOORED
s" MAX-CHAR" environment? drop constant MAX-CHAR
s" MAX-N" environment? drop constant MAX-N
s" MAX-U" environment? drop constant MAX-U
s" MAX-D" environment? drop 2constant MAX-D
s" MAX-UD" environment? drop 2constant MAX-UD
s" RETURN-STACK-CELLS" environment? drop constant RETURN-STACK-CELLS
s" STACK-CELLS" environment? drop constant STACK-CELLS
s" #LOCALS" environment? drop constant #LOCALS
s" WORDLISTS" environment? drop constant WORDLISTS
s" FLOATING-STACK" environment? drop constant FLOATING-STACK
s" MAX-FLOAT" environment? drop fconstant MAX-FLOAT
set-current
\ Replaces the first word list of the search order, as a vocabulary does.
: environment ( -- ) get-order nip environment-wordlist swap set-order ;

\ gforth's factors of FIELD (struct.fs, which gforth's image holds and
\ libraries such as objects.fs build on): a field at offset 0 is an
\ immediate word that does nothing, any other adds its offset.
: (field) ( "name" -- ) create does> ( addr1 -- addr2 ) @ + ;
: dozerofield ( -- ) latest if immediate then does> ( addr -- addr ) drop ;
: field, ( align1 offset1 align size -- align2 offset2 )
  swap rot over naligned dup , rot + >r naligned r> ;
: create-field ( align1 offset1 align size "name" -- align2 offset2 ) create field, ;
: field ( align1 offset1 align size "name" -- align2 offset2 )
  2 pick if (field) else create dozerofield then field, ;
' naligned alias nalign ( addr1 n -- addr2 )

\ gforth's locals stack, for programs that use it directly (complex.fs
\ keeps floats there with F>L and F@LOCAL0 LP+). Locals declared with
\ { } or {: :} never use it: they are wasm locals.
create (lstack) 4096 allot
variable lp0 ( -- a-addr )  (lstack) 4096 + lp0 !
variable (lp)  lp0 @ (lp) !
: lp@ ( -- addr ) (lp) @ ;
: lp! ( addr -- ) (lp) ! ;
: (lp-) ( u -- addr ) \ makes room for u bytes
  negate (lp) +!  (lp) @ dup (lstack) u< if lp0 @ (lp) ! -5 throw then ;
: >l ( x -- ) 1 cells (lp-) ! ;
: f>l ( F: r -- ) 1 floats (lp-) f! ;
: @local0 ( -- x ) lp@ @ ;
: @local1 ( -- x ) lp@ cell+ @ ;
: @local2 ( -- x ) lp@ 2 cells + @ ;
: @local3 ( -- x ) lp@ 3 cells + @ ;
: f@local0 ( F: -- r ) lp@ f@ ;
: f@local1 ( F: -- r ) lp@ float+ f@ ;
: lp+ ( -- ) 1 floats (lp) +! ;
: lp- ( -- ) -1 floats (lp) +! ;
: lp+2 ( -- ) 2 floats (lp) +! ;

\ gforth's build-feature query: the value ENVIRONMENT? gives for name,
\ or false (libraries test `has? ec` and the like).
: has? ( "name" -- x | false ) parse-name environment? 0= if false then ;

\ gforth's two-part defining word (gforth_intcomp.rs): two nameless CREATEd
\ words on one body, for the interpretation and the compilation semantics,
\ named together by INTERPRET/COMPILE:; INTERPRETATION> and COMPILATION>
\ in the defining word give each its code.
: create-interpret/compile ( "name" -- )
  noname create latestxt noname create latestxt interpret/compile: ;
