//! The playground's WAT printer: a linked module as WebAssembly text, by
//! wasmprinter. It is a wasm module of its own, apart from the compiler
//! façade (the `web` crate), so that the worker's first load carries no
//! printer: `web/worker.js` imports it at the first link, while the first
//! Run's output is already on the page.
//!
//! It also prints one function of a module for the code view
//! ([`word_wat`]), each line with the source token its instruction came
//! from (the façade's `Session::word_code` gives the marks).
//!
//! Guarantee: malformed bytes give an error string, never a panic.

use wasm_bindgen::prelude::*;

/// The module as WebAssembly text, printed by wasmprinter.
#[wasm_bindgen]
pub fn wat(bytes: &[u8]) -> Result<String, String> {
    wasmprinter::print_bytes(bytes).map_err(|e| format!("cannot print the module: {e}"))
}

/// One function's text, line by line, with the token of each line.
#[wasm_bindgen]
pub struct WordWat {
    lines: Vec<String>,
    tokens: Vec<i32>,
}

#[wasm_bindgen]
impl WordWat {
    /// The lines of text, unindented by the module's nesting.
    pub fn lines(&self) -> Vec<String> {
        self.lines.clone()
    }

    /// For each line, the index of its token, or -1 when no token made it.
    pub fn tokens(&self) -> Vec<i32> {
        self.tokens.clone()
    }
}

/// The function whose body spans `body_start..body_end` in `bytes`, as text:
/// each line with the token of the last mark at or before its instruction
/// (`mark_offsets` in increasing order, `mark_tokens` their token indexes,
/// -1 for none).
#[wasm_bindgen]
pub fn word_wat(
    bytes: &[u8],
    body_start: u32,
    body_end: u32,
    mark_offsets: &[u32],
    mark_tokens: &[i32],
) -> Result<WordWat, String> {
    let lines = function_lines(bytes, body_start..body_end, mark_offsets, mark_tokens)?;
    let (lines, tokens) = lines.into_iter().unzip();
    Ok(WordWat { lines, tokens })
}

/// The lines of the function whose body is `body`, each with its token
/// (-1: none), as `compiler::code_view::function_lines` picks them out of
/// wasmprinter's text.
pub fn function_lines(
    bytes: &[u8],
    body: std::ops::Range<u32>,
    mark_offsets: &[u32],
    mark_tokens: &[i32],
) -> Result<Vec<(String, i32)>, String> {
    let mut storage = String::new();
    let printed = wasmprinter::Config::new()
        .offsets_and_lines(bytes, &mut storage)
        .map_err(|e| format!("cannot print the module: {e}"))?;
    let marks: Vec<(u32, Option<u32>)> =
        mark_offsets.iter().zip(mark_tokens).map(|(&o, &t)| (o, u32::try_from(t).ok())).collect();
    let lines = compiler::code_view::function_lines(printed, body, &marks);
    if lines.is_empty() {
        return Err("no function at that offset".into());
    }
    Ok(lines.into_iter().map(|(l, t)| (l, t.map_or(-1, |t| t as i32))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{CodeSection, Function, FunctionSection, Instruction, Module, TypeSection, ValType};

    /// A module of two functions, the second `(param i32) (result i32)`
    /// computing `x * x + 1`; returns it and the second body's range.
    fn module() -> (Vec<u8>, std::ops::Range<u32>) {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]);
        m.section(&types);
        let mut funcs = FunctionSection::new();
        funcs.function(0).function(0);
        m.section(&funcs);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::LocalGet(0)).instruction(&Instruction::End);
        code.function(&f);
        let mut g = Function::new([(1, ValType::I32)]);
        g.instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::LocalGet(0))
            .instruction(&Instruction::I32Mul)
            .instruction(&Instruction::I32Const(1))
            .instruction(&Instruction::I32Add)
            .instruction(&Instruction::End);
        code.function(&g);
        m.section(&code);
        let bytes = m.finish();
        let mut range = None;
        let mut n = 0;
        for p in wasmparser::Parser::new(0).parse_all(&bytes) {
            if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = p {
                n += 1;
                if n == 2 {
                    let r = body.range();
                    range = Some(r.start as u32..r.end as u32);
                }
            }
        }
        (bytes, range.unwrap())
    }

    #[test]
    fn lines_of_one_function_take_their_marks_tokens() {
        let (bytes, body) = module();
        // Locals take 3 bytes (count, then one group); then two local.gets
        // of 2 bytes each: the multiply is at body + 7, the constant at + 8.
        let (mul, one) = (body.start + 7, body.start + 8);
        let lines = function_lines(&bytes, body.clone(), &[body.start + 3, mul, one], &[-1, 0, 1]).unwrap();
        let text: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert!(text[0].starts_with("(func (;1;)"), "{text:?}");
        assert_eq!(
            text[1..],
            ["  (local i32)", "  local.get 0", "  local.get 0", "  i32.mul", "  i32.const 1", "  i32.add", ")"]
        );
        let tokens: Vec<i32> = lines.iter().map(|&(_, t)| t).collect();
        assert_eq!(tokens, [-1, -1, -1, -1, 0, 1, 1, 1]);
    }

    #[test]
    fn bad_bytes_are_an_error() {
        assert!(function_lines(b"\0asm\x01", 0..1, &[], &[]).is_err());
    }
}
