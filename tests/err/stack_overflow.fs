\ A loop that pushes forever hits the data stack limit.
: f begin 1 again ; f
