\ A throw that no region catches, after a region that did.
: ok ( -- ) try -5 throw iferror drop then endtry ;
ok .( fine) cr
: bad ( -- ) try 1 restore endtry -4 throw ;
bad
