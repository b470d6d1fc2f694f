\ conf_allocate.fs -- T{ }T conformance cases for the MEMORY-ALLOCATION word set
S" lib/tester.fs" INCLUDED
DECIMAL
VARIABLE p1  VARIABLE p2  VARIABLE p3
\ ALLOCATE gives aligned, writable, distinct regions
T{ 100 ALLOCATE SWAP p1 ! -> 0 }T
T{ p1 @ ALIGNED p1 @ = -> TRUE }T
T{ 200 ALLOCATE SWAP p2 ! -> 0 }T
T{ p1 @ p2 @ <> -> TRUE }T
T{ p2 @ p1 @ - ABS 100 < -> FALSE }T
: fill-cells ( addr n -- ) 0 ?DO I OVER I CELLS + ! LOOP DROP ;
: sum-cells ( addr n -- sum ) 0 SWAP 0 ?DO OVER I CELLS + @ + LOOP NIP ;
T{ p1 @ 25 fill-cells p1 @ 25 sum-cells -> 300 }T
T{ p2 @ 200 255 FILL p1 @ 25 sum-cells -> 300 }T
\ Zero bytes is a valid request
T{ 0 ALLOCATE NIP -> 0 }T
\ Impossible sizes fail with a non-zero ior
T{ -1 ALLOCATE NIP 0= -> FALSE }T
\ FREE
T{ p2 @ FREE -> 0 }T
\ RESIZE keeps the contents, growing and shrinking
T{ p1 @ 4000 RESIZE SWAP p1 ! -> 0 }T
T{ p1 @ 25 sum-cells -> 300 }T
T{ p1 @ 40 RESIZE SWAP p1 ! -> 0 }T
T{ p1 @ 10 sum-cells -> 45 }T
T{ p1 @ -1 RESIZE NIP 0= -> FALSE }T
T{ p1 @ 10 sum-cells -> 45 }T
T{ p1 @ FREE -> 0 }T
\ Many small blocks, freed in a different order, can be reused
CREATE ptrs 50 CELLS ALLOT
: alloc-all ( -- ior-sum ) 0 50 0 DO I 1+ 8 * ALLOCATE ROT OR SWAP ptrs I CELLS + ! LOOP ;
: free-odd ( -- ior-sum ) 0 50 1 DO ptrs I CELLS + @ FREE OR 2 +LOOP ;
: free-even ( -- ior-sum ) 0 50 0 DO ptrs I CELLS + @ FREE OR 2 +LOOP ;
T{ alloc-all free-odd free-even OR OR -> 0 }T
T{ alloc-all free-even free-odd OR OR -> 0 }T
REPORT
