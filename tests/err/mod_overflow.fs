\ MOD of MIN-INT by -1 has a quotient that does not fit a cell: THROW -11,
\ as gforth gives, also inside a definition.
: t ( -- n ) -2147483648 -1 mod ;
t
