\ A string without its closing quote.
: x ." abc
