\ tak: the Takeuchi function, recursive. Checksum: h = h*10 + tak(x,y,z)
\ over a fixed list of argument triples (about 236 million calls in all).
\ C twin: tak.c

: tak ( x y z -- r )
  over 3 pick < if                       \ y < x
    2 pick 1-  2 pick  2 pick  recurse >r   \ tak(x-1, y, z)
    over 1-  over  4 pick      recurse >r   \ tak(y-1, z, x)
    dup 1-  3 pick  3 pick     recurse >r   \ tak(z-1, x, y)
    drop 2drop
    r> r> r>  swap rot  recurse
  else
    nip nip
  then ;

: main ( -- )
  0
  10 *  18 12 6 tak +
  10 *  24 16 8 tak +
  10 *  26 18 9 tak +
  10 *  27 18 9 tak +
  10 *  28 20 10 tak +
  10 *  30 20 10 tak +
  10 *  33 16 8 tak +
  . cr ;
