\ THROW of a user code that nobody catches.
42 throw
