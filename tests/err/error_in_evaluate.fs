\ An error inside EVALUATE is reported at the EVALUATE in the file.
s" 1 nosuchword" evaluate
