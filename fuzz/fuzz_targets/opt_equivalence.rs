//! Fuzz target 2: generated programs agree at -O0 and -O3 (see `fastforth_fuzz::opt_equivalence`).
#![no_main]

libfuzzer_sys::fuzz_target!(|prog: fastforth_fuzz::gen::Program| fastforth_fuzz::opt_equivalence(&prog));
