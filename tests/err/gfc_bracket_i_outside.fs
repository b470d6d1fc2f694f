\ [I] outside [DO].
[i] .
