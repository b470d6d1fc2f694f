\ A local declared inside IF ... THEN ends at THEN.
: f ( flag -- ) if 1 { x } x . then x ;
