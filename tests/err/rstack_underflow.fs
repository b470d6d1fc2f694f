\ R> from an empty return stack, where the count depends on the run (the
\ paths disagree), so only the run-time check can see it.
: f ( flag -- ) if 1 >r then r> drop ;
0 f
