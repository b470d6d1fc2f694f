\ matvec: integer matrix-vector products with a 256 x 256 cell matrix A,
\ MATVEC-REPS times: y = A x with two nested DO loops that index the matrix
\ by J (row) and I (column), then z = A^T y, each element by walking a
\ column of A with ROW +LOOP (one row size per step), then
\ x = (z >> 7) and 1023 for the next round. Checksum: h = h*31 + x[0] +
\ x[255] after every round. The products and sums wrap modulo 2^32 (the
\ C twin, matvec.c, uses uint32_t); the LCG wraps too.

256 constant mv-n
mv-n cells constant row
3500 constant matvec-reps

create ma mv-n row * allot
create vx row allot
create vy row allot
create vz row allot
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: fill-matrix ( -- )
  mv-n 0 do
    mv-n 0 do  rnd 20 rshift 2048 -  ma j row * + i cells + !  loop
    rnd 22 rshift  vx i cells + !
  loop ;

: a*x ( -- )   \ vy := ma vx
  mv-n 0 do
    0  mv-n 0 do  ma j row * + i cells + @  vx i cells + @ *  +  loop
    vy i cells + !
  loop ;

: column*y ( col -- n )   \ the column COL of ma times vy
  0 vy  rot cells ma +  dup mv-n row * +  swap do   ( sum yaddr )
    i @ over @ *  rot +  swap cell+
  row +loop
  drop ;

: at*y ( -- )   \ vz := transpose(ma) vy
  mv-n 0 do  i column*y  vz i cells + !  loop ;

: next-x ( -- )
  mv-n 0 do  vz i cells + @  7 rshift 1023 and  vx i cells + !  loop ;

: main ( -- )
  31415 seed !  fill-matrix
  0  matvec-reps 0 do
    a*x at*y next-x
    31 *  vx @ +  vx mv-n 1- cells + @ +
  loop
  . cr ;
