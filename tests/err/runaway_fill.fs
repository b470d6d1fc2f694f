\ args: --timeout 0.3
\ A runaway loop that spends nearly all its time in FILL (a builtin of the
\ engine, not wasm code) is stopped by the time limit when FILL returns.
create buf 2000000 allot
: f begin buf 2000000 0 fill again ; f
