//! Looking inside a linked module: its sha256, its WAT text and its
//! provenance section, for the playground's code and provenance panels.
//!
//! Guarantee: malformed bytes give an error string, never a panic.

use wasm_bindgen::prelude::*;

/// The lowercase hex sha256 of `bytes` (the "module sha256" of reports).
#[wasm_bindgen]
pub fn sha256_hex(bytes: &[u8]) -> String {
    compiler::digest::sha256_hex(bytes)
}

/// The module as WebAssembly text, printed by wasmprinter.
#[wasm_bindgen]
pub fn wat(bytes: &[u8]) -> Result<String, String> {
    wasmprinter::print_bytes(bytes).map_err(|e| format!("cannot print the module: {e}"))
}

/// The JSON text of the module's `provenance` custom section, if it has one.
#[wasm_bindgen]
pub fn provenance(bytes: &[u8]) -> Option<String> {
    compiler::link::custom_section(bytes, compiler::link::PROVENANCE_SECTION)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}
