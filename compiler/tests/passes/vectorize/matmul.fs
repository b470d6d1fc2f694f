\ A matrix product in i-j-k order: the middle loop runs four of its trips
\ at a time, each lane walking its own column of B in the inner loop.
8 constant n
create ma n n * cells allot
create mb n n * cells allot
create mc n n * cells allot
: mmul ( -- )
  n 0 do
    n 0 do
      ma j n * cells +  mb i cells +  0
      n 0 do  >r  over @ over @ *  r> +  >r  n cells +  swap cell+ swap  r>  loop
      nip nip  mc j n * i + cells + !
    loop
  loop ;
