\ Popping an empty float stack inside a definition is THROW -45.
: add3  F+ F+ ;
1E 2E add3 F.
