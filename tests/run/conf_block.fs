\ conf_block.fs -- T{ }T conformance cases for the BLOCK word set. It uses
\ the default block file, blocks.fb in the working directory (the golden
\ test runs it in a fresh temporary directory), and deletes it at the end.
S" lib/tester.fs" INCLUDED

: same ( c-addr1 u1 c-addr2 u2 -- flag ) ROT OVER <> IF 2DROP DROP FALSE EXIT THEN
   0 ?DO OVER I + C@ OVER I + C@ <> IF 2DROP UNLOOP FALSE EXIT THEN LOOP 2DROP TRUE ;
: blank-block ( u -- addr ) BUFFER DUP 1024 BL FILL ;
: put ( u c-addr len -- ) ROT blank-block SWAP MOVE UPDATE ;
: put-line ( u line c-addr len -- ) 2SWAP SWAP BLOCK SWAP 64 * + SWAP MOVE UPDATE ;

\ BLOCK and BUFFER give an aligned buffer, the same one for the same block
T{ 3 BLOCK DUP ALIGNED = -> TRUE }T
T{ 3 BLOCK 3 BLOCK = -> TRUE }T
T{ 3 BLOCK 3 BUFFER = -> TRUE }T
\ a block never written reads as spaces
T{ 7 BLOCK C@ 7 BLOCK 1023 + C@ -> BL BL }T

\ UPDATE and FLUSH write blocks; EMPTY-BUFFERS forgets unsaved changes
T{ 2 S" hello blocks" put FLUSH -> }T
T{ 2 BLOCK 12 S" hello blocks" same -> TRUE }T
T{ 2 BLOCK CHAR J SWAP C! UPDATE EMPTY-BUFFERS -> }T
T{ 2 BLOCK C@ -> CHAR h }T
T{ 2 BLOCK CHAR j SWAP C! UPDATE SAVE-BUFFERS EMPTY-BUFFERS -> }T
T{ 2 BLOCK C@ -> CHAR j }T
\ changes without UPDATE are not written
T{ 2 BLOCK CHAR x SWAP C! FLUSH 2 BLOCK C@ -> CHAR j }T
\ many blocks at once: more than there are buffers
: fill-blocks ( -- ) 31 11 DO I BUFFER 1024 I FILL UPDATE LOOP ;
: check-blocks ( -- n ) 0 31 11 DO I BLOCK 1023 + C@ I = - LOOP ;
T{ fill-blocks FLUSH check-blocks -> 20 }T

\ LOAD interprets a block with BLK set; BLK is 0 again afterwards
T{ 4 S" 1 2 + BLK @" put SAVE-BUFFERS -> }T
T{ 4 LOAD -> 3 4 }T
T{ BLK @ -> 0 }T
\ \ ends at the end of its 64-character line
T{ 5 blank-block DROP 5 0 S" 10 \ 20" put-line 5 1 S" 30" put-line SAVE-BUFFERS -> }T
T{ 5 LOAD -> 10 30 }T
\ ( comments end in the block
T{ 6 S" 40 ( 50 ) 60" put 6 LOAD -> 40 60 }T
\ a definition in a block
T{ 8 S" : in-block ( -- n ) 77 ; in-block" put 8 LOAD -> 77 }T
T{ in-block -> 77 }T
\ nested LOAD and EVALUATE; each restores BLK
T{ 9 S" BLK @ 4 LOAD BLK @" put 9 LOAD -> 9 3 4 9 }T
: eval-blk ( -- n ) S" BLK @" EVALUATE ;
T{ 9 S" eval-blk BLK @" put 9 LOAD -> 0 9 }T
\ THRU loads a range of blocks
T{ 40 S" 100" put 41 S" 200" put 42 S" 300" put -> }T
T{ 40 42 THRU -> 100 200 300 }T
\ REFILL moves to the next block
T{ 43 S" 1 REFILL 2" put 44 S" 3 BLK @" put -> }T
T{ 43 LOAD -> 1 TRUE 3 44 }T

\ SCR is a variable
T{ SCR DUP ALIGNED = -> TRUE }T
T{ 12 SCR ! SCR @ -> 12 }T

FLUSH
T{ S" blocks.fb" DELETE-FILE -> 0 }T
REPORT
