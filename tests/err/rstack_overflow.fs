\ >R forever hits the return stack limit.
: f begin 1 >r again ; f
