\ A pointer in ARGV to a string outside memory.
create bad $7ffffff0 ,
bad argv ! 0 arg type
