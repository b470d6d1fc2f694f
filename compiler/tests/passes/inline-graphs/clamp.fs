\ A small word with IF ... THEN is copied into its caller as blocks.
: clamp0 ( n -- n' ) dup 0< if drop 0 then ;
: clamped-sum ( a b -- n ) clamp0 swap clamp0 + ;
