\ Variables are constant addresses: @ and ! load and store at them.
variable counter
: bump ( -- ) counter @ 1+ counter ! ;
