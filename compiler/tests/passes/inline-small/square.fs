\ A small straight-line word is pasted into its caller.
: square ( n -- n*n ) dup * ;
: sum-of-squares ( a b -- n ) square swap square + ;
