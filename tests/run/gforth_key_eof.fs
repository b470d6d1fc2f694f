\ gforth_key_eof.fs -- at the end of input (standard input is empty here)
\ KEY and XKEY give 4, #EOF, as in gforth; KEY? is true then.
key . key #eof = . xkey . cr
