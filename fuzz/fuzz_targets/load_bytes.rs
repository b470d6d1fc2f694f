//! Fuzz target 1: arbitrary bytes loaded as a program (see `fastforth_fuzz::load_bytes`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fastforth_fuzz::load_bytes(data));
