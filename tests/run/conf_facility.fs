\ conf_facility.fs -- T{ }T conformance cases for the FACILITY word set
S" lib/tester.fs" INCLUDED
DECIMAL
\ Structures
BEGIN-STRUCTURE point
  FIELD: p.x
  FIELD: p.y
END-STRUCTURE
T{ point -> 2 CELLS }T
T{ 0 p.x -> 0 }T
T{ 0 p.y -> 1 CELLS }T
BEGIN-STRUCTURE rec
  CFIELD: r.tag
  FIELD: r.val
  3 +FIELD r.three
  CFIELD: r.c
  point +FIELD r.pt
END-STRUCTURE
T{ 0 r.tag -> 0 }T
T{ 0 r.val -> 1 CELLS }T
T{ 0 r.three -> 2 CELLS }T
T{ 0 r.c -> 2 CELLS 3 + }T
T{ 0 r.pt -> 2 CELLS 4 + }T
T{ rec -> 4 CELLS 4 + }T
CREATE r1 rec ALLOT
T{ 7 r1 r.tag C! 1234 r1 r.val ! 9 r1 r.c C! -> }T
T{ 5 r1 r.pt p.x ! 6 r1 r.pt p.y ! -> }T
T{ r1 r.tag C@ r1 r.val @ r1 r.c C@ -> 7 1234 9 }T
T{ r1 r.pt p.x @ r1 r.pt p.y @ -> 5 6 }T
: sum-pt ( addr -- n ) DUP p.x @ SWAP p.y @ + ;
T{ r1 r.pt sum-pt -> 11 }T
\ Keyboard events
T{ 65 EKEY>CHAR -> 65 TRUE }T
T{ K-UP EKEY>CHAR NIP -> FALSE }T
T{ 65 EKEY>FKEY -> 65 FALSE }T
T{ K-UP EKEY>FKEY -> K-UP TRUE }T
T{ K-F1 K-SHIFT-MASK OR EKEY>FKEY NIP -> TRUE }T
T{ K-LEFT K-RIGHT <> K-F12 K-F11 <> AND -> TRUE }T
\ The clock
: in-range ( n lo hi -- flag ) 1+ WITHIN ;
: date-ok ( sec min hour day month year -- flag )
  2000 9999 in-range >R 1 12 in-range >R 1 31 in-range >R
  0 23 in-range >R 0 59 in-range >R 0 59 in-range R> R> R> R> R>
  AND AND AND AND AND ;
T{ TIME&DATE date-ok -> TRUE }T
T{ 1 MS 0 MS -> }T
REPORT
3 5 AT-XY PAGE CR
