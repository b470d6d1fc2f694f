\ THROW -45 can be caught; the system stays usable and then reports the next one.
: bad  FDROP ;
' bad CATCH . CR
FDEPTH . CR
FDROP
