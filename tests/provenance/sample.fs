\ Sample words with provenance headers, for `native-runner provenance`.

\ GENERATED_BY: agent-a
\ PATTERN_ID: arith/square
\ SPEC_HASH: 0000000000000000000000000000000000000000000000000000000000000000
: square ( n -- n*n ) dup * ;

\ GENERATED_BY: agent-b
\ PATTERN_ID: arith/sum
: sum-to ( n -- sum ) 0 swap 1+ 1 ?do i + loop ;

\ GENERATED_BY: agent-a
\ PATTERN_ID: stack/bad
: lies ( a b -- c ) drop ;

: helper ( -- ) ;

T{ 3 square -> 9 }T
T{ -4 square -> 16 }T
T{ 10 sum-to -> 55 }T
T{ 0 sum-to -> 0 }T
T{ 1 2 lies -> 1 }T
