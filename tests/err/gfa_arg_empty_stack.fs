\ ARG needs the argument number on the stack.
arg
