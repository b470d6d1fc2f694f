\ A part left open: ; inside it is a mismatch, as gforth says "unstructured".
: bad ( n "name" -- ) create-interpret/compile , interpretation> @ ;
