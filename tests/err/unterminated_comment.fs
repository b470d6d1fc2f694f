\ A comment without its closing paren runs to the end of the file.
1 ( abc
 def
