//! Looking inside a linked module: its sha256 and its provenance section,
//! for the playground's code and provenance panels (its WAT text comes from
//! the separate `web-wat` module, web/wat).
//!
//! Guarantee: malformed bytes give an error string, never a panic.

use wasm_bindgen::prelude::*;

/// The lowercase hex sha256 of `bytes` (the "module sha256" of reports).
#[wasm_bindgen]
pub fn sha256_hex(bytes: &[u8]) -> String {
    compiler::digest::sha256_hex(bytes)
}

/// The JSON text of the module's `provenance` custom section, if it has one.
#[wasm_bindgen]
pub fn provenance(bytes: &[u8]) -> Option<String> {
    compiler::link::custom_section(bytes, compiler::link::PROVENANCE_SECTION)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}
