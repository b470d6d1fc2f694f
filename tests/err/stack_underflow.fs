\ Popping an empty stack.
1 drop
drop
