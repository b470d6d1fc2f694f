\ Storing a value that is not a Unicode code point is THROW -77.
CREATE b 4 ALLOT
55296 b XC!+
