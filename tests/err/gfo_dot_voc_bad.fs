\ .VOC of something that is not a word list.
12345 .VOC
