\ An error inside an interpretive loop names the word that failed.
3 0 [do] [i] 1- 0 / . [loop]
