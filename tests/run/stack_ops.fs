\ stack_ops.fs -- data stack words: DUP DROP SWAP OVER ROT ?DUP 2DUP 2DROP 2SWAP 2OVER DEPTH, and CORE EXT NIP TUCK PICK ROLL
: show ( i*x n -- )  \ print the top n items, deepest first, then drop them
   DUP 0 ?DO DUP I - PICK . LOOP 0 ?DO DROP LOOP ;
: t1 ." dup: " 7 DUP 2 show CR ;
: t2 ." drop: " 1 2 DROP 1 show CR ;
: t3 ." swap: " 1 2 SWAP 2 show CR ;
: t4 ." over: " 1 2 OVER 3 show CR ;
: t5 ." rot: " 1 2 3 ROT 3 show CR ;
: t6 ." ?dup: " 0 ?DUP DEPTH . DROP 5 ?DUP 2 show CR ;
: t7 ." 2dup: " 1 2 2DUP 4 show CR ;
: t8 ." 2drop: " 1 2 3 2DROP 1 show CR ;
: t9 ." 2swap: " 1 2 3 4 2SWAP 4 show CR ;
: t10 ." 2over: " 1 2 3 4 2OVER 6 show CR ;
: t11 ." nip: " 1 2 NIP 1 show CR ;
: t12 ." tuck: " 1 2 TUCK 3 show CR ;
: t13 ." pick: " 10 20 30 0 PICK 2 PICK 4 show CR ;
: t14 ." roll: " 1 2 3 4 3 ROLL 4 show  ."  / " 1 2 3 0 ROLL 3 show  ."  / " 1 2 3 2 ROLL 3 show CR ;
: t15 ." depth: " DEPTH . 1 DEPTH . 2 DEPTH . DROP DROP DROP DEPTH . CR ;
: t16 ." -rot via rot rot: " 1 2 3 ROT ROT 3 show CR ;
t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 t13 t14 t15 t16
.( interpreted: ) 5 6 SWAP . . 1 2 3 ROT . . . CR
