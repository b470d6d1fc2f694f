\ Unbounded recursion exhausts the wasm stack.
: r recurse ; r
