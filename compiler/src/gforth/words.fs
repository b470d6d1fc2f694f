\ gforth 0.7.3's extension words that are written in Forth: loaded at boot
\ after prelude.fs. Each word behaves as gforth's does (the reference is
\ gforth 0.7.3 with 32-bit cells); the README's GFORTH section lists them.
