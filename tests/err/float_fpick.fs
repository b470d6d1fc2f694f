\ FPICK past the bottom of the float stack is THROW -45.
1E 2E 5 FPICK
