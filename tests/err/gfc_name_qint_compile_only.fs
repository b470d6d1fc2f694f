\ NAME?INT refuses a compile-only word.
s" exit" find-name name?int
