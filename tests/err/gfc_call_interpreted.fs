\ CALL only works compiled and followed by >MARK (gforth's FORK).
1 2 call
