\ INCLUDED of a missing file.
s" no-such-file.fs" included
