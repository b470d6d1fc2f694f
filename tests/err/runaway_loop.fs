\ args: --timeout 0.3
\ A runaway loop is stopped by the time limit.
: f begin again ; f
