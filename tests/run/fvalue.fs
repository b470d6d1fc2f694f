\ fvalue.fs -- FVALUE and TO (Forth 2012 FLOATING-POINT EXT; gforth 0.7.3
\ reference: fastforth (gforth 0.7.3 has no FVALUE; written from the standard)
\ lacks FVALUE, so fvalue.out is written by hand from the standard).
2.5E FVALUE rate
rate F. CR
4E TO rate rate F. CR
: bump  rate 1E F+ TO rate ;
bump bump rate F. CR
: get-rate  rate ;
get-rate F. CR
' rate EXECUTE F. CR
FDEPTH . CR
