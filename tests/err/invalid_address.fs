\ An address outside memory is THROW -9.
-8 @
