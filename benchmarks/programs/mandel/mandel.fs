\ mandel: the Mandelbrot set, counted on a SIZE x SIZE grid of the plane
\ [-2, 0.5] x [-1.25, 1.25]: a point is inside when z := z^2 + c stays
\ within |z| <= 2 for MAXITER steps. The point's coordinates are
\ FVARIABLEs the outer loop stores; z stays on the float stack, shuffled
\ with FOVER, FROT and FSWAP every step; an early exit leaves the loop.
\ Uses the FLOATING word set. Checksum: the count of inside points.

1000 constant size
200 constant maxiter

fvariable re
fvariable im

\ Whether z stays bounded for the point (re, im).
: inside? ( -- flag )
  0e 0e                                        ( F: zr zi )
  maxiter 0 do
    fover fdup f* fover fdup f* f+ 4e fswap f< if fdrop fdrop false unloop exit then
    fover fover f* 2e f* im f@ f+              ( F: zr zi zi' )
    frot fdup f* frot fdup f* f- re f@ f+      ( F: zi' zr' )
    fswap
  loop fdrop fdrop true ;

\ The plane's coordinate of grid index n along an axis from lo.
: coord ( n -- ) ( F: lo -- r ) s>f size s>f f/ 2.5e f* f+ ;

: main ( -- )
  0 size 0 do
    size 0 do
      -2e i coord re f!  -1.25e j coord im f!
      inside? if 1+ then
    loop
  loop . cr ;
