\ THEN without IF is a control structure mismatch.
: bad then ;
