\ Self tail calls whose result is combined by an associative, commutative
\ operation (+ * AND OR XOR MIN MAX) with an item below their arguments
\ become loops with an accumulator. Each must give what plain recursion
\ gives, including on the early-exit paths and with wrap-around.

: fib ( n -- f ) dup 2 < if exit then dup 1- recurse swap 2 - recurse + ;
: fact ( n -- n! ) dup 2 < if drop 1 exit then dup 1- recurse * ;
: sum-to ( n -- s ) dup 0= if exit then dup 1- recurse + ;
: bits-or ( n -- x ) dup 0= if exit then dup 1 rshift recurse or ;
: parity ( n -- x ) dup 0= if exit then dup 1 rshift recurse xor ;
: low-mask ( n -- x ) dup 0= if invert exit then dup 1- recurse and ;
: smallest ( n -- m ) dup 0= if exit then dup 7 * 13 mod 5 - swap 1- recurse min ;
: largest ( n -- m ) dup 0= if exit then dup 7 * 13 mod 5 - swap 1- recurse max ;
\ Two arguments: ( x n -- ) with the item folded in under both.
: powsum ( x n -- s ) dup 0= if nip exit then over 2 pick * -rot 1- recurse + ;
\ A plain tail call beside an accumulating one.
: mixed ( n -- s ) dup 0= if exit then dup 2 mod if 1- recurse exit then dup 1- recurse + ;
\ Not associative: stays a call.
: alt ( n -- s ) dup 0= if exit then dup 1- recurse - ;

0 fib . 1 fib . 2 fib . 10 fib . 25 fib . cr
0 fact . 1 fact . 5 fact . 12 fact . 13 fact . 20 fact . cr
0 sum-to . 10 sum-to . 1000 sum-to . 3000 sum-to . cr
0 bits-or . 5 bits-or . 1024 bits-or . cr
0 parity . 5 parity . 7 parity . 1000 parity . cr
0 low-mask . 5 low-mask . 64 low-mask . cr
0 smallest . 1 smallest . 30 smallest . 0 largest . 30 largest . cr
3 0 powsum . 3 4 powsum . 2 10 powsum . cr
0 mixed . 1 mixed . 10 mixed . 101 mixed . cr
0 alt . 1 alt . 10 alt . 11 alt . cr
