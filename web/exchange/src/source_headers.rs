//! The provenance headers of a source text (`\ GENERATED_BY: …` lines above
//! a definition), each with its definition's status, read by
//! `compiler::provenance` as `native-runner provenance` reads them: the
//! same rule for which definition a header belongs to, and the same
//! status. For the playground's Provenance tab: the worker sends them after
//! each Run's result and link.

use wasm_bindgen::prelude::*;

/// Every header of `text`, in file order, as a JSON array of
/// `{word, status, key, value}`.
#[wasm_bindgen]
pub fn provenance_headers_json(text: &str) -> String {
    let headers: Vec<serde_json::Value> = compiler::provenance::headed_definitions(text)
        .into_iter()
        .flat_map(|h| {
            let (word, status) = (h.def.name.clone(), h.status());
            h.headers.into_iter().map(move |(k, value, _)| {
                serde_json::json!({ "word": word, "status": status, "key": k.name(), "value": value })
            })
        })
        .collect();
    serde_json::Value::Array(headers).to_string()
}
