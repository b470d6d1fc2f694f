\ REQUIRE of a missing file.
1 2 +
REQUIRE no-such-lib.fs
