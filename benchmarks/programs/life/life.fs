\ life: Conway's Game of Life on a 128 x 128 board of byte cells with a
\ border of dead cells (rows and columns 0 and 129), LIFE-GENS generations,
\ stepping from one board into the other and back. The step is two nested
\ DO loops over rows (J) and columns (I) that address a cell as
\ board + J*WIDTH + I, sum its eight neighbours with C@ and keep both
\ boards and the live count on the stack. Checksum: the sum of the live
\ counts after every generation.

128 constant side
side 2 + constant width          \ bytes per row, border included
4000 constant life-gens          \ even: each trip of MAIN's loop makes two

create board-a width width * allot
create board-b width width * allot
variable seed

: rnd ( -- u )
  seed @ 1103515245 * 12345 + dup seed ! ;

: seed-board ( -- )   \ about one live cell in three, dead border
  board-a width width * 0 fill
  board-b width width * 0 fill
  side 1+ 1 do
    side 1+ 1 do
      rnd 16 rshift 3 mod 0=  1 and  board-a j width * i + + c!
    loop
  loop ;

: neighbours ( addr -- n )   \ the live cells around the cell at addr
  dup width - 1- c@  over width - c@ +  over width - 1+ c@ +
  over 1- c@ +  over 1+ c@ +
  over width + 1- c@ +  over width + c@ +  swap width + 1+ c@ + ;

: rule ( alive n -- 0|1 )
  swap if  2 4 within  else  3 =  then  1 and ;

: step ( from to -- live )   \ one generation from board FROM into TO
  0  side 1+ 1 do
    side 1+ 1 do                                    ( from to live )
      j width * i +                                 ( from to live off )
      3 pick over +  dup c@ swap neighbours rule    ( from to live off new )
      tuck swap 4 pick + c!  +                      ( from to live' )
    loop
  loop
  nip nip ;

: main ( -- )
  2024 seed !  seed-board
  0  life-gens 2/ 0 do
    board-a board-b step +
    board-b board-a step +
  loop
  . cr ;
