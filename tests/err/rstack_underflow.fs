\ R> from an empty return stack.
: f r> drop ; f
