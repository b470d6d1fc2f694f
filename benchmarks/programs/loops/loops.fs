\ loops: three nested DO loops (A x B x C iterations) with a little
\ arithmetic in the innermost one: s = (s + k*j) xor i, where i, j, k are the
\ outer, middle and inner indices (the outer index is kept on the stack,
\ since K is not a standard word). s wraps modulo 2^32 (the C twin, loops.c,
\ uses uint32_t).

400 constant la
400 constant lb
3000 constant lc

: main ( -- )
  0                             ( s )
  la 0 do
    i                           ( s outer )
    lb 0 do
      lc 0 do
        swap  i j * +  over xor  swap
      loop
    loop
    drop
  loop
  . cr ;
