\ A counted loop over cells with constant bounds: wasm SIMD for the first
\ trips, then the scalar loop.
create data 1 , 2 , 3 , 4 , 5 , 6 , 7 , 8 ,
: total ( -- n ) 0 data 8 cells bounds do i @ + 1 cells +loop ;
