\ Division by zero is THROW -10.
1 0 /
