\ The largest cell of each column, from the column's first cell: the outer
\ loop runs four columns at a time, each lane's maximum starting from a
\ load of the outer trip.
10 constant n
create m n n * cells allot
create out n cells allot
: colmax ( -- )
  n 0 do
    m i cells + @  n 0 do  m i n * j + cells + @  max  loop
    out i cells + !
  loop ;
