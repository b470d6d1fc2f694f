\ FREE and RESIZE of addresses ALLOCATE never gave, and of a region freed
\ reference: fastforth (gforth hands these to the C library, which aborts)
\ already, return a non-zero ior and leave the heap working; ALLOCATE of
\ sizes that cannot fit fails; 0 FREE does nothing and 0 u RESIZE
\ allocates. (gforth 0.7.3 passes these to the C library, which aborts the
\ process, so the expected output was written by hand.)
: ior. ( ior -- ) 0<> IF ." fail " ELSE ." ok " THEN ;
HERE FREE ior.
12345 FREE ior.
-8 FREE ior.
0 FREE ior.  \ like free(NULL): nothing to do
100 ALLOCATE ior. DUP 4 + FREE ior.
DUP FREE ior. DUP FREE ior. 10 RESIZE ior. DROP CR
-1 ALLOCATE ior. DROP
-100 ALLOCATE ior. DROP
1000000000 ALLOCATE ior. DROP
200 ALLOCATE ior. DUP 200 CHAR a FILL 300 RESIZE ior. DUP 199 + C@ EMIT FREE ior. CR
0 16 RESIZE ior.  \ like realloc(NULL, 16): a fresh region
FREE ior. CR
