\ READ-FILE into a buffer larger than memory.
PAD 2147483647 0 READ-FILE
