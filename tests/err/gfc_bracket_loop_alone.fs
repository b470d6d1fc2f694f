\ [LOOP] with no [DO] running.
[loop]
