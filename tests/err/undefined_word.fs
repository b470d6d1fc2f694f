\ An unknown word names itself and its column.
1 2 foo
