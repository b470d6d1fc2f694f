\ Bytes that are not UTF-8 are read as they are, as gforth reads them: here
\ one makes a word that is not defined.
1 .
2 ÿ .
