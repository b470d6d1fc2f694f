//! The per-word code view's half of the façade: the program's definitions
//! and where they are, and one word's function, as the linked image holds
//! it, with the marks that tie its instructions to source tokens
//! (`compiler::WordCode`). The worker prints
//! the function with the WAT printer (`web-wat`'s `word_wat`), which takes
//! these marks.
//!
//! Guarantee: nothing here panics; a word that cannot be shown is an error
//! string.

use wasm_bindgen::prelude::*;

use crate::Session;

/// One word's function, ready for `web-wat`'s `word_wat`.
#[wasm_bindgen(getter_with_clone)]
#[derive(Clone, Debug, Default)]
pub struct CodeOfWord {
    /// The word's name, upper case.
    pub name: String,
    /// Its inferred stack effect, `( 1 -- 1 )`, or why it has none.
    pub effect: String,
    /// The file its definition is in (the tokens' lines are that file's).
    pub file: Option<String>,
    /// A module holding the function.
    pub module: Vec<u8>,
    /// Where the function's body starts in `module`.
    pub body_start: u32,
    /// Where it ends.
    pub body_end: u32,
    /// Where each stretch of its instructions starts, in increasing order.
    pub mark_offsets: Vec<u32>,
    /// The index in `tokens_json` of each stretch's token, or -1.
    pub mark_tokens: Vec<i32>,
    /// The tokens, `[{"line", "col", "len"}]` (1-based, in characters).
    pub tokens_json: String,
    /// Which linked image the function is from and what linking did to
    /// the word, in a sentence (`compiler::WordCode::linked`).
    pub linked: String,
}

#[wasm_bindgen]
impl Session {
    /// The program's colon definitions in load order, as JSON:
    /// `[{"name", "file", "start": [line, col], "end": {"line", "col", "len"}}]`.
    pub fn definitions_json(&self) -> String {
        serde_json::to_string(&self.forth.definition_extents()).unwrap_or_else(|_| "[]".into())
    }

    /// The function of the colon definition `name` as the image linked
    /// with `entry` (`MAIN` by default) holds it, as [`Session::link`]
    /// links, with the source token of each stretch of its code.
    pub fn word_code(&mut self, name: &str, entry: Option<String>) -> Result<CodeOfWord, String> {
        let res = self.forth.word_code(&mut self.machine, name, entry.as_deref());
        // Anything linking printed is not the program's output.
        self.machine.io().output.clear();
        let code = res.map_err(|d| d.message)?;
        let tokens: Vec<serde_json::Value> =
            code.tokens.iter().map(|t| serde_json::json!({ "line": t.line, "col": t.col, "len": t.len })).collect();
        Ok(CodeOfWord {
            name: code.name,
            effect: code.effect,
            file: code.file,
            body_start: code.body.start,
            body_end: code.body.end,
            mark_offsets: code.marks.iter().map(|&(o, _)| o).collect(),
            mark_tokens: code.marks.iter().map(|&(_, t)| t.map_or(-1, |t| t as i32)).collect(),
            tokens_json: serde_json::Value::Array(tokens).to_string(),
            linked: code.linked,
            module: code.module,
        })
    }
}
