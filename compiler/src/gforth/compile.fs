\ gforth 0.7.3's defining, compiling and control-flow extension words that
\ are written in Forth: loaded at boot after gforth/words.fs.
