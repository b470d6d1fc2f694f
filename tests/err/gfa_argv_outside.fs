\ ARGV pointing outside memory: ARG cannot read the pointer.
$7ffffff0 argv !
1 argc !
0 arg type
