\ SEE of an unknown word.
SEE no-such-word
