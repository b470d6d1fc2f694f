\ SLURP-FILE of a file that does not exist throws the ior of OPEN-FILE.
s" gfw-no-such-file.txt" slurp-file type
