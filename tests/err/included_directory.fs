\ INCLUDED of a directory.
s" ." included
