\ args: --timeout 0.3
\ A runaway loop that calls a host word (MS) in every trip is stopped at
\ one of those calls.
: k begin 0 ms again ; k
