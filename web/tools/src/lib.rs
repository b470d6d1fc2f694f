//! What the build makes ahead of time for the playground, so that neither
//! the worker nor the page computes it at start-up: the worker's boot file
//! (a booted system's snapshot, `web::boot_file`), the prelude's texts for
//! the worker's boots from source (`web::prelude_file`, which the worker's
//! façade does not carry) and the system's words with their stack effects
//! and docs for the editor's completion (`web::word_docs`). It is the
//! compiler façade (the `web` crate, whose exports it carries too) plus
//! these three, built for Node.js only: `make web-pkg` runs it
//! (`web/make-startup-files.mjs`) and writes them into
//! `target/web-pkg`. The worker's own façade leaves them out, as it
//! leaves out the WAT printer and the exchange formats.

use wasm_bindgen::prelude::*;

/// The boot file: a system booted with the default limits, snapshotted
/// (see `web::boot_file`).
#[wasm_bindgen]
pub fn boot_file() -> Result<Vec<u8>, String> {
    web::boot_file::make()
}

/// The prelude file, which the worker's façade boots from source with
/// (see `web::prelude_file`).
#[wasm_bindgen]
pub fn prelude_file() -> Vec<u8> {
    web::prelude_file::make()
}

/// Every word of a fresh system with its stack effect and doc, as JSON
/// `[{name, kind, effect, doc}]` (see `web::word_docs`).
#[wasm_bindgen]
pub fn system_words_json() -> String {
    web::word_docs::system_words_json()
}
