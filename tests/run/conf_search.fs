\ conf_search.fs -- T{ }T conformance cases for the SEARCH-ORDER word set
\ reference: fastforth (gforth 0.7.3's MARKER does not restore the search order)
\ (FORTH-WORDLIST WORDLIST GET-ORDER SET-ORDER GET-CURRENT SET-CURRENT
\ SEARCH-WORDLIST DEFINITIONS FIND ALSO ONLY PREVIOUS FORTH)
S" lib/tester.fs" INCLUDED

\ The standard order: FORTH-WORDLIST first, compiling into it.
: first-in-order ( -- wid ) GET-ORDER OVER >R 0 ?DO DROP LOOP R> ;
: order-depth ( -- n ) GET-ORDER DUP >R 0 ?DO DROP LOOP R> ;
T{ first-in-order -> FORTH-WORDLIST }T
T{ GET-CURRENT FORTH-WORDLIST = -> TRUE }T

\ New word lists are distinct and empty.
WORDLIST CONSTANT wl1
WORDLIST CONSTANT wl2
T{ wl1 wl2 = -> FALSE }T
T{ wl1 FORTH-WORDLIST = -> FALSE }T
T{ S" dup" wl1 SEARCH-WORDLIST -> 0 }T

\ Definitions go to the compilation word list.
GET-CURRENT CONSTANT saved-current
wl1 SET-CURRENT
: in-wl1 ( -- n ) 101 ;
: shadowed ( -- n ) 1 ;
: imm1 ( -- n ) 7 ; IMMEDIATE
saved-current SET-CURRENT
: shadowed ( -- n ) 2 ;
T{ GET-CURRENT saved-current = -> TRUE }T
T{ S" in-wl1" wl1 SEARCH-WORDLIST SWAP EXECUTE -> -1 101 }T
T{ S" IN-WL1" wl1 SEARCH-WORDLIST NIP -> -1 }T
T{ S" imm1" wl1 SEARCH-WORDLIST NIP -> 1 }T
T{ S" in-wl1" FORTH-WORDLIST SEARCH-WORDLIST -> 0 }T
T{ S" shadowed" wl1 SEARCH-WORDLIST DROP EXECUTE -> 1 }T
T{ S" shadowed" FORTH-WORDLIST SEARCH-WORDLIST DROP EXECUTE -> 2 }T

\ SET-ORDER decides what the interpreter and FIND see.
: name-in-wl1 ( -- c-addr ) C" in-wl1" ;
T{ name-in-wl1 FIND NIP -> 0 }T
GET-ORDER wl1 SWAP 1+ SET-ORDER
T{ in-wl1 -> 101 }T
T{ shadowed -> 1 }T
T{ name-in-wl1 FIND NIP -> -1 }T
T{ first-in-order -> wl1 }T
PREVIOUS
T{ shadowed -> 2 }T
T{ name-in-wl1 FIND NIP -> 0 }T

\ ALSO duplicates the first word list; FORTH replaces it; ONLY resets.
T{ order-depth ALSO order-depth SWAP - -> 1 }T
T{ first-in-order -> FORTH-WORDLIST }T
PREVIOUS
: t-forth ( -- wid n ) wl2 1 SET-ORDER FORTH GET-ORDER ;
T{ t-forth -> FORTH-WORDLIST 1 }T
: t-only ( -- wid ) wl2 1 SET-ORDER ONLY FORTH first-in-order ;
T{ t-only -> FORTH-WORDLIST }T
: name-fw ( -- c-addr ) C" FORTH-WORDLIST" ;
: name-so ( -- c-addr ) C" SET-ORDER" ;
: t-min ( -- f1 f2 ) -1 SET-ORDER name-fw FIND NIP 0<> name-so FIND NIP 0<> ONLY FORTH ;
T{ t-min -> TRUE TRUE }T
ONLY FORTH

\ DEFINITIONS makes the first word list the compilation word list.
ONLY FORTH ALSO
GET-ORDER NIP wl2 SWAP SET-ORDER DEFINITIONS
: in-wl2 ( -- n ) 202 ;
T{ GET-CURRENT wl2 = -> TRUE }T
T{ in-wl2 -> 202 }T
PREVIOUS DEFINITIONS
T{ GET-CURRENT FORTH-WORDLIST = -> TRUE }T
ONLY FORTH DEFINITIONS
T{ GET-CURRENT FORTH-WORDLIST = -> TRUE }T
T{ S" in-wl2" wl2 SEARCH-WORDLIST NIP -> -1 }T
T{ S" in-wl2" FORTH-WORDLIST SEARCH-WORDLIST -> 0 }T

\ An empty search order finds nothing, but SET-ORDER still works from
\ compiled code.
: restore-forth ( -- ) FORTH-WORDLIST 1 SET-ORDER ;
: empty-then-find ( -- flag ) 0 SET-ORDER C" dup" FIND NIP restore-forth ;
T{ empty-then-find -> 0 }T

\ Lookup stays case-insensitive in every word list, and a MARKER
\ restores the search order and the compilation word list.
MARKER forget-wl
wl1 SET-CURRENT
: CaseWord ( -- n ) 55 ;
GET-ORDER wl1 SWAP 1+ SET-ORDER
T{ caseword CASEWORD -> 55 55 }T
forget-wl
T{ GET-CURRENT FORTH-WORDLIST = -> TRUE }T
T{ GET-ORDER -> FORTH-WORDLIST 1 }T
T{ S" caseword" wl1 SEARCH-WORDLIST -> 0 }T

REPORT
