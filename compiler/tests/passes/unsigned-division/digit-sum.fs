\ A value masked to be non-negative, divided by a positive constant.
: low-tens ( x -- n ) 65535 and 10 / ;
