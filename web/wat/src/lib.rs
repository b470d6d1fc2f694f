//! The playground's WAT printer: a linked module as WebAssembly text, by
//! wasmprinter. It is a wasm module of its own, apart from the compiler
//! façade (the `web` crate), so that the worker's first load carries no
//! printer: `web/worker.js` imports it at the first link, while the first
//! Run's output is already on the page.
//!
//! Guarantee: malformed bytes give an error string, never a panic.

use wasm_bindgen::prelude::*;

/// The module as WebAssembly text, printed by wasmprinter.
#[wasm_bindgen]
pub fn wat(bytes: &[u8]) -> Result<String, String> {
    wasmprinter::print_bytes(bytes).map_err(|e| format!("cannot print the module: {e}"))
}
