\ ABORT" shows its message.
: check 0< abort" negative input" ; -5 check
