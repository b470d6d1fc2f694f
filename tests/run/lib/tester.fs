\ tester.fs -- a small T{ ... -> ... }T harness for the conformance tests
\ Usage:  T{ inputs -> expected results }T
\ At T{ the data stack depth is noted.  At -> the values above that depth
\ (the actual results) are moved into a buffer.  At }T the values above the
\ depth (the expected results) are compared with the buffer, first on count,
\ then one by one.  A failing case prints "FAIL: " and the source line.
\ REPORT prints the totals.

VARIABLE tests#      0 tests# !     \ cases run
VARIABLE failures#   0 failures# !  \ cases that failed
VARIABLE base-depth                 \ stack depth at T{
VARIABLE actual#                    \ number of actual results seen at ->
64 CONSTANT max-results
CREATE actuals  max-results CELLS ALLOT

: results-above ( -- n )  DEPTH base-depth @ - ;

: discard-above ( i*x -- )  \ drop everything above the noted depth
   results-above 0 MAX 0 ?DO DROP LOOP ;

: fail ( -- )
   1 failures# +!
   ." FAIL: " SOURCE TYPE CR ;

: T{ ( -- )  DEPTH base-depth ! ;

: -> ( i*x -- )
   results-above DUP actual# !
   DUP 0< OVER max-results > OR IF
      DROP -1 actual# !  discard-above EXIT
   THEN
   0 ?DO  actuals I CELLS + !  LOOP ;

: }T ( j*x -- )
   1 tests# +!
   actual# @ 0< IF fail discard-above EXIT THEN
   results-above actual# @ <> IF fail discard-above EXIT THEN
   -1  actual# @ 0 ?DO          ( x flag )
      SWAP actuals I CELLS + @ <> IF DROP 0 THEN
   LOOP
   0= IF fail THEN ;

: REPORT ( -- )
   ." conformance: " tests# @ . ." tests, " failures# @ . ." failures" CR ;
