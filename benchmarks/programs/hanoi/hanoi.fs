\ hanoi: the Towers of Hanoi with HANOI-DISKS disks, solved recursively
\ (two calls per activation, the second one a tail call) HANOI-REPS times,
\ each time from another peg. Every move updates the disk counts of the
\ pegs and a running hash of the moves kept in the variable TRAIL:
\ h = h*31 + from*3 + to, wrapping modulo 2^32 (the C twin, hanoi.c, uses
\ uint32_t). Checksum: the hash, plus the disks on each peg at the end
\ times the peg's number plus one.

22 constant hanoi-disks
12 constant hanoi-reps

create pegs 3 cells allot       \ disks on each peg
variable trail

: move-disk ( from to -- )
  1 over cells pegs + +!
  -1 2 pick cells pegs + +!
  swap 3 * +  trail @ 31 * +  trail ! ;

: hanoi ( from to via n -- )   \ move n disks from FROM to TO
  ?dup 0= if 2drop drop exit then
  1- >r
  2 pick over 3 pick r@ recurse   \ n-1 disks: from -> via
  2 pick 2 pick move-disk         \ the largest: from -> to
  swap rot r> recurse ;           \ n-1 disks: via -> to

: main ( -- )
  0 trail !  pegs 3 cells 0 fill  hanoi-disks pegs !
  hanoi-reps 0 do
    i 3 mod  dup 1+ 3 mod  dup 1+ 3 mod  hanoi-disks hanoi
  loop
  trail @  3 0 do  pegs i cells + @  i 1+ *  +  loop  . cr ;
