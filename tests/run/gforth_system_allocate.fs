\ A program's own ALLOCATE (here one that always fails) does not change
\ where the system keeps interpreted strings, nor what it displays with.
: allocate ( u -- a-addr ior ) drop 0 -1 ;
s" kept" 2constant first
s" also kept" 2constant second
first type space second type cr
0 allocate nip .
only forth also root
s" after ONLY" type cr
