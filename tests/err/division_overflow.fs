\ MIN-INT divided by -1 does not fit a cell: THROW -11, as in gforth.
-2147483648 -1 /
