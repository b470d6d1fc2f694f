\ ENDSCOPE needs a SCOPE.
: f 1 if endscope then ;
