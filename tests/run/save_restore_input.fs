\ save_restore_input.fs -- SAVE-INPUT and RESTORE-INPUT inside EVALUATE and inside a file (re-reading part of a line)
VARIABLE count1  0 count1 !
VARIABLE saved-n
CREATE saved 16 CELLS ALLOT
: save ( -- ) SAVE-INPUT DUP saved-n !  0 ?DO saved I CELLS + ! LOOP ;
: restore-saved ( -- flag ) saved-n @ 0 ?DO saved saved-n @ 1- I - CELLS + @ LOOP saved-n @ RESTORE-INPUT ;
: again? ( -- ) 1 count1 +! count1 @ 3 < IF restore-saved DROP THEN ;
.( evaluate: ) S" save count1 @ . again?" EVALUATE CR
0 count1 !
.( file line: ) save count1 @ . again? CR
\ Restoring inside the same line while interpreting: the rest of the line is read again.
0 count1 !
: tick-and-maybe-restore-saved ( -- ) 1 count1 +! count1 @ 4 < IF restore-saved DROP THEN ;
.( loop via restore: ) save .( * ) tick-and-maybe-restore-saved CR
\ SAVE-INPUT leaves at least one item; RESTORE-INPUT of the current source succeeds (flag false).
: check-flag ( -- ) SAVE-INPUT RESTORE-INPUT . ;
.( restore flag: ) check-flag CR
: check-flag-ev ( -- ) S" check-flag" EVALUATE ;
.( restore flag in evaluate: ) check-flag-ev CR
\ Restoring a position saved on an earlier line of the file re-reads the lines in between.
0 count1 !
: back ( -- ) count1 @ 3 < IF restore-saved . THEN ;
save
.( line after save, pass ) count1 @ . CR
1 count1 +!
back
.( done with multi-line restore) CR
