\ A branch with pure sides becomes a select.
: larger ( a b -- m ) 2dup > if drop else nip then ;
