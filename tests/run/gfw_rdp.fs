\ gforth's F.RDP, F>STR-RDP and F>BUF-RDP: fixed-point when it fits with
\ enough significant digits, else exponential, else asterisks.
: row ( F: r -- ) ( nr nd np -- ) [char] | emit f.rdp [char] | emit cr ;
1.5e 8 2 1 row
-1.5e 8 2 1 row
1.5e 0 2 1 row
1.5e 3 2 1 row
123456.789e 16 5 11 row
123456.789e 10 2 3 row
123456.789e 6 2 3 row
0.000123e 10 3 1 row
0.000123e 10 3 3 row
0.000123e 10 6 3 row
-0.000123e 5 2 1 row
1e100 8 2 1 row
-1e100 7 2 1 row
1e-100 8 2 0 row
0e 7 2 1 row
-0e 7 2 1 row
0.005e 7 2 1 row
0.004e 7 2 1 row
2.5e 7 0 1 row
99.999e 7 2 1 row
1e 5 -3 -1 row
3.14159e 12 8 2 row
0e 0e f/ 8 2 1 row
1e 0e f/ 8 2 1 row
-1e 0e f/ 8 2 1 row
1e20 hex 10 2 5 row decimal
: s-row ( F: r -- ) ( nr nd np -- ) f>str-rdp [char] < emit type [char] > emit ;
2.25e 9 3 1 s-row 1e9 6 1 1 s-row cr
<# 1.5e 6 2 1 f>str-rdp type 0 0 #> . drop cr
create fbuf 12 allot fbuf 12 char . fill
-7.125e fbuf 10 4 2 f>buf-rdp fbuf 12 type cr
42e fbuf 3 1 1 f>buf-rdp fbuf 12 type cr
