\ ALIAS of a number that is no execution token.
12345 alias strange
