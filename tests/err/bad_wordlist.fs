\ SET-CURRENT of something that is not a word list.
0 SET-CURRENT
