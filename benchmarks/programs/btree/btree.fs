\ btree: complete binary trees of depth TREE-DEPTH (131071 nodes of three
\ cells: left, right, item) built recursively from a pool and walked
\ recursively, TREE-REPS times; both recursions make two calls per
\ activation. A node with item k has children with items 2k-1 and 2k; a
\ tree's check is item + check(left) - check(right), a leaf's its item.
\ Checksum: h = h*31 + check(tree) over all trees, wrapping modulo 2^32
\ (the C twin, btree.c, uses uint32_t).

16 constant tree-depth
1 tree-depth 1+ lshift 1- constant max-nodes
300 constant tree-reps

create pool max-nodes 3 * cells allot
variable next-node

: node ( left right item -- node )
  next-node @  tuck 2 cells + !  tuck cell+ !  tuck !
  dup 3 cells + next-node ! ;

: make ( item depth -- node )
  dup 0= if  drop 0 0 rot node exit  then
  1-  over 2* 1- over recurse        ( item d left )
  >r  over 2* swap recurse           ( item right )
  r> swap rot node ;

: check ( node -- n )
  dup @ 0= if  2 cells + @ exit  then
  dup 2 cells + @  over @ recurse +  swap cell+ @ recurse - ;

: main ( -- )
  0  tree-reps 0 do
    pool next-node !
    31 *  i 1+ tree-depth make check +
  loop
  . cr ;
