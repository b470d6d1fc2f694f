\ NAME>STRING of something that is not a name token.
12345678 NAME>STRING
