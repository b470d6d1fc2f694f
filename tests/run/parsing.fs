\ parsing.fs -- WORD PARSE PARSE-NAME >IN SOURCE CHAR [CHAR] used at run time by compiled words, REFILL in a file
: say ( "name" -- ) PARSE-NAME ." <" TYPE ." >" ;
.( parse-name: ) say hello say    spaced   CR
: upto; ( "ccc;" -- ) [CHAR] ; PARSE ." <" TYPE ." >" ;
.( parse: ) upto; abc def; upto; ; upto;  lead; CR
: w ( "name" -- ) BL WORD COUNT ." <" TYPE ." >" ;
.( word: ) w   skips-leading w x CR
: wdelim ( -- ) [CHAR] , WORD COUNT ." <" TYPE ." >" ;
.( word with delimiter: ) wdelim ,,a b, CR
.( char: ) CHAR A . CHAR xyz . CHAR ( . CR
: bracket-char [CHAR] z [CHAR] ( [CHAR] 0 ;
.( [char]: ) bracket-char . . . CR
: skip-rest ( -- ) SOURCE NIP >IN ! ;
.( >in to end skips the rest: ) skip-rest .( not printed) CR
CR
: rewind ( -- ) 0 >IN ! ;
VARIABLE passes  0 passes !
: twice? ( -- ) 1 passes +! passes @ 2 < IF rewind THEN ;
.( [pass] ) twice? CR
: src-len ( -- n ) SOURCE NIP ;
.( source length of this line: ) src-len . CR
: src-first ( -- ) SOURCE DROP C@ EMIT ;
src-first .( = first char of the line) CR
: >in-now ( -- n ) >IN @ ;
.( >in after word: ) >in-now . CR
: rest-of-line ( -- ) SOURCE >IN @ DUP >R - SWAP R> CHARS + SWAP ." [" TYPE ." ]" SOURCE NIP >IN ! ;
.( rest: ) rest-of-line  and this is the rest
CR
: parse-empty ( -- ) [CHAR] ) PARSE NIP . ;
.( parse at end of line gives length: ) parse-empty
CR
.( parse immediately at delimiter: ) parse-empty ) CR
: name-at-end ( -- ) PARSE-NAME NIP . ;
.( parse-name at end of line: ) name-at-end
CR
: double-parse ( -- ) PARSE-NAME PARSE-NAME ." <" TYPE ." ><" TYPE ." >" ;
.( two names: ) double-parse first second CR
: read-next-line ( -- ) REFILL . SOURCE TYPE SOURCE NIP >IN ! ;
.( refill: ) read-next-line
this whole line is read as data by REFILL, not interpreted
CR
: source-id-file ( -- ) SOURCE-ID DUP 0<> SWAP -1 <> AND . ;
.( source-id in a file is a file id: ) source-id-file CR
