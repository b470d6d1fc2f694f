\ EXECUTE of a bad execution token.
12345 execute
