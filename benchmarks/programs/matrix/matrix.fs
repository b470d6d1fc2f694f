\ matrix: 200x200 integer matrix multiplication C = A*B (naive i-j-k order,
\ B walked down its columns), MATRIX-REPS times with matrices that depend on
\ the repetition. Checksum: h = h*31 + c over all result elements, wrapping
\ modulo 2^32 (the C twin, matrix.c, uses uint32_t).

200 constant n
300 constant matrix-reps
n cells constant row

create ma n n * cells allot
create mb n n * cells allot
create mc n n * cells allot

: fill-mats ( r -- )
  n 0 do
    n 0 do
      j 7 * i 13 * + over + 97 mod 48 -  ma j n * i + cells + !
      j 11 * i 5 * + over + 89 mod 44 -  mb j n * i + cells + !
    loop
  loop drop ;

: mmul ( -- )
  n 0 do
    n 0 do
      ma j row * +  mb i cells +  0      ( pa pb sum )
      n 0 do
        >r  over @ over @ *  r> +          ( pa pb sum' )
        >r  row +  swap cell+ swap  r>     ( pa+cell pb+row sum' )
      loop nip nip
      mc j n * i + cells + !
    loop
  loop ;

: checksum ( h -- h' )
  n n * 0 do  31 *  mc i cells + @ +  loop ;

: main ( -- )
  0  matrix-reps 0 do  i fill-mats mmul checksum  loop  . cr ;
