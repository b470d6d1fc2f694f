\ SCOPE needs its ENDSCOPE before ;.
: f scope 1 { x } x ;
