\ KEY-FILE on a fileid that was never opened.
12345 key-file .
