\ A file that is not UTF-8 is refused with the position of the first bad byte.
1 .
2 ÿ .
