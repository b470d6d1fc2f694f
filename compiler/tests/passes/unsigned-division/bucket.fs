\ A hash bucket from a masked value: MOD by a positive constant.
: bucket ( h -- i ) 1023 and 7 mod ;
