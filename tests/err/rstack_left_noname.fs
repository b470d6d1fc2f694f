\ Two items left on one path of two, by an anonymous definition.
:noname ( flag -- ) 1 2 2>r if 3 >r r> drop then ;
