\ REPRESENT into a buffer that does not fit in memory is THROW -9, at once.
1E PAD 2000000000 REPRESENT
