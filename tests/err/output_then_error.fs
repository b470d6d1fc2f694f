\ Output before the error is kept; the error names the innermost word.
.( before) cr
: inner 0 0 / ; : outer inner ;
outer
