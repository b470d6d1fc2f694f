\ RECURSIVE only makes sense inside a definition.
recursive
