\ An interpretive loop must close on its own line.
3 0 [do] [i] .
[loop]
