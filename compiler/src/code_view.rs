//! The per-word code view: one colon definition's wasm function, with the
//! source token each stretch of its instructions came from, as Compiler
//! Explorer shows a function beside its source.
//!
//! Made on demand, never while compiling or linking: the word's optimized
//! IR (as its batch was emitted) is emitted again, alone in a module, by the
//! same emitter with the same effects of the words before it, recording
//! where the code of each op and terminator starts ([`CodePart`]); its
//! source map (`source_map.rs`) says which token each op came from.
//!
//! Guarantees: the function is the code the batch emitter makes for the
//! word, except that calls to words of its own batch go through the table,
//! as calls to earlier words do; every mark lies within the function body,
//! in increasing order; a mark without a token is code no token made (the
//! frame: entry checks, `block`/`loop`/`end`).

use crate::emit::module::{marked_module, FIRST_FUNC};
use crate::emit::structure::{CodePart, Marks};
use crate::error::Diagnostic;
use crate::interpreter::Forth;
use crate::passes::effects::infer_or_why;
use crate::source_map::align::{align, Attribution};
use crate::source_map::Span;
use crate::xt_numbering::host_word_of;

/// One word's function and the tokens its code came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordCode {
    /// The word's name, upper case.
    pub name: String,
    /// Its inferred stack effect (`( 2 -- 1 )`), or why it has none.
    pub effect: String,
    /// The file its definition is in, if known.
    pub file: Option<String>,
    /// A module holding the function (function index [`WordCode::func`]).
    pub module: Vec<u8>,
    /// The function's index in `module`.
    pub func: u32,
    /// The byte range of the function's body in `module` (its locals, then
    /// its instructions), where a printer starts the function's text.
    pub body: std::ops::Range<u32>,
    /// Where each stretch of the instructions starts (a byte offset in
    /// `module`) and the index in `tokens` of the token it came from.
    pub marks: Vec<(u32, Option<u32>)>,
    /// The distinct tokens of the definition that made code, in source order.
    pub tokens: Vec<Span>,
}

/// Where one of the program's colon definitions is in its source.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DefinitionExtent {
    /// The word's name, upper case.
    pub name: String,
    /// The file it is in.
    pub file: String,
    /// The line and column of its `:`.
    pub start: (u32, u32),
    /// Its last token (usually `;`).
    pub end: Span,
}

impl Forth {
    /// Where each of the program's named colon definitions that has a
    /// source map is, in source order (file by file, as loaded), for finding the
    /// definition a cursor is in.
    pub fn definition_extents(&self) -> Vec<DefinitionExtent> {
        let mut out: Vec<(crate::ir::Xt, DefinitionExtent)> = Vec::new();
        for (&xt, map) in &self.source_maps {
            // A nameless or forgotten (`MARKER`) definition cannot be asked for.
            if self.dict.by_xt(xt).is_none_or(|h| h.name.is_empty()) {
                continue;
            }
            let Some(start) = self.remarks.locations.get(&xt) else { continue };
            let last = map.ops.iter().flatten().chain(&map.terms).flatten().max();
            let Some(&end) = last else { continue };
            let e = DefinitionExtent {
                name: self.word_name(xt),
                file: start.file.clone(),
                start: (start.line, start.col),
                end,
            };
            out.push((xt, e));
        }
        // Xts grow as definitions are made, so they give the load order.
        out.sort_by_key(|(xt, _)| *xt);
        out.into_iter().map(|(_, e)| e).collect()
    }

    /// The code of the colon definition `name`, emitting what is pending
    /// first.
    pub fn word_code(&mut self, name: &str) -> Result<WordCode, Diagnostic> {
        let xt = self.colon_xt(name).ok_or_else(|| Diagnostic::new(format!("{name} is not a colon definition")))?;
        self.compiled_definitions()?;
        // The effects of the words before it, as the emitter knew them.
        let mut known = self.system.deferred_effects.clone();
        let mut effect = None;
        for f in &self.compiled {
            let e = infer_or_why(f, &known);
            if f.xt == xt {
                effect = Some(e);
                break;
            }
            if let Ok(e) = e {
                known.insert(f.xt, e);
            }
        }
        let Some(effect) = effect else { return Err(Diagnostic::new(format!("{name} has not been compiled"))) };
        let effect = match effect {
            Ok(e) => e.to_string(),
            Err(d) => format!("not static: {}", crate::remarks::why(d, &|x| self.word_name(x))),
        };
        let func = self.compiled.iter().find(|f| f.xt == xt).expect("found above");
        let mut emitted = self.effects.clone();
        emitted.remove(&xt);
        let (module, parts, len) = marked_module(
            self.cfg.layout,
            func,
            &|x| host_word_of(x).is_some(),
            &mut emitted,
            &self.system.deferred_effects,
            self.cfg.optimize,
        )
        .map_err(|e| Diagnostic::new(e.to_string()))?;
        #[cfg(feature = "validate")]
        if self.cfg.validate {
            wasmparser::validate(&module)
                .map_err(|e| Diagnostic::new(format!("internal error: the word's module does not validate: {e}")))?;
        }
        let spans = self.source_maps.get(&xt).map(|map| align(map, func));
        let Tied { body, marks, tokens } = tie_to_tokens(&module, &parts, len, spans.as_ref())
            .ok_or_else(|| Diagnostic::new("internal error: no function body"))?;
        Ok(WordCode {
            name: self.word_name(xt),
            effect,
            file: self.remarks.locations.get(&xt).map(|l| l.file.clone()),
            module,
            func: FIRST_FUNC,
            body,
            marks,
            tokens,
        })
    }
}

/// A function's code tied to its tokens, as [`WordCode`] holds it.
struct Tied {
    body: std::ops::Range<u32>,
    marks: Vec<(u32, Option<u32>)>,
    tokens: Vec<Span>,
}

/// The first function of `module` with its code's marks tied to tokens:
/// `parts` and `len` as `marked_module` gives them, `spans` the tokens of
/// the function's ops and terminators.
fn tie_to_tokens(module: &[u8], parts: &Marks, len: usize, spans: Option<&Attribution>) -> Option<Tied> {
    let body = first_body(module)?;
    let start = body.end - len as u32;
    let span_of = |part: CodePart| {
        let a = spans?;
        match part {
            CodePart::Op(b, i) => a.ops[b.index()][i],
            CodePart::Term(b) => a.terms[b.index()],
            CodePart::Frame => None,
        }
    };
    // Of parts that start at the same offset (an op that emitted nothing),
    // the last one's code is there.
    let mut at_spans: Vec<(u32, Option<Span>)> = Vec::with_capacity(parts.len());
    for &(off, part) in parts {
        let at = start + off as u32;
        match at_spans.last_mut() {
            Some(last) if last.0 == at => last.1 = span_of(part),
            _ => at_spans.push((at, span_of(part))),
        }
    }
    // Only tokens that made code are listed (and coloured).
    let mut tokens: Vec<Span> = at_spans.iter().filter_map(|&(_, s)| s).collect();
    tokens.sort();
    tokens.dedup();
    let marks = at_spans
        .into_iter()
        .map(|(at, s)| (at, s.map(|s| tokens.binary_search(&s).expect("collected above") as u32)))
        .collect();
    Some(Tied { body, marks, tokens })
}

/// The lines of the function whose body is `body`, out of a module printed
/// line by line with each line's byte offset (as wasmprinter's
/// `offsets_and_lines` gives them), each with the token of the last mark at
/// or before its offset (`marks` as [`WordCode::marks`]); indented from the
/// function's first line.
///
/// The printer starts the function's first line at the body's first byte
/// and each instruction's line at the instruction; lines without an offset
/// inside the function (closing parentheses) have no token, and the
/// function ends at the next line that starts outside its body.
pub fn function_lines<'a>(
    printed: impl IntoIterator<Item = (Option<u64>, &'a str)>,
    body: std::ops::Range<u32>,
    marks: &[(u32, Option<u32>)],
) -> Vec<(String, Option<u32>)> {
    let mut out = Vec::new();
    let mut indent = None;
    for (offset, line) in printed {
        let line = line.trim_end_matches('\n');
        let inside = offset.is_some_and(|o| body.contains(&(o as u32)));
        match (inside, offset, indent) {
            (true, _, None) => indent = Some(line.len() - line.trim_start().len()),
            (true, _, Some(_)) | (false, None, Some(_)) => {}
            (false, _, Some(_)) => break,
            (false, _, None) => continue,
        }
        let cut = line.len() - line.trim_start().len();
        let text = format!("{}{}", " ".repeat(cut.saturating_sub(indent.unwrap_or(0))), line.trim_start());
        let token = offset.and_then(|o| {
            let k = marks.partition_point(|&(m, _)| u64::from(m) <= o);
            k.checked_sub(1).and_then(|k| marks[k].1)
        });
        out.push((text, token));
    }
    out
}

/// The byte range of the first function body of `module`.
fn first_body(module: &[u8]) -> Option<std::ops::Range<u32>> {
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            let r = body.range();
            return Some(r.start as u32..r.end as u32);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, Function, Op, Term};
    use crate::primitives::Prim;
    use crate::source_map::SourceMap;

    fn at(col: u32) -> Option<Span> {
        Some(Span { line: 1, col, len: 1 })
    }

    /// The tokens of the instructions named `names` in the function of
    /// `func` as its source map `map` ties them (register convention).
    fn tokens_of(func: &Function, map: &SourceMap, names: &[&str]) -> Vec<Vec<Option<Span>>> {
        let mut known = Default::default();
        let (module, parts, len) =
            marked_module(runtime::Layout::default(), func, &|_| false, &mut known, &Default::default(), true).unwrap();
        wasmparser::validate(&module).unwrap();
        let Tied { body, marks, tokens } = tie_to_tokens(&module, &parts, len, Some(&align(map, func))).unwrap();
        let mut out = vec![Vec::new(); names.len()];
        let reader =
            wasmparser::BinaryReader::new(&module[body.start as usize..body.end as usize], u64::from(body.start));
        let fb = wasmparser::FunctionBody::new(reader);
        let mut ops = fb.get_operators_reader().unwrap();
        while !ops.eof() {
            let (op, off) = ops.read_with_offset().unwrap();
            let name = format!("{op:?}");
            if let Some(k) = names.iter().position(|n| name == *n) {
                let m = marks.partition_point(|&(m, _)| u64::from(m) <= off);
                out[k].push(marks[m - 1].1.map(|t| tokens[t as usize]));
            }
        }
        out
    }

    /// `: SQ DUP * ;`: the multiply is `*`'s, the return `;`'s; `DUP`
    /// emits nothing (the stack cache copies the item), so it has no code.
    #[test]
    fn each_instruction_is_its_tokens() {
        let blocks = vec![Block { ops: vec![Op::Prim(Prim::Dup), Op::Prim(Prim::Mul)], term: Term::Return }];
        let map = SourceMap { blocks: blocks.clone(), ops: vec![vec![at(6), at(10)]], terms: vec![at(12)] };
        let sq = Function { xt: crate::kernel::first_user_xt(), name: "SQ".into(), blocks, n_loops: 0, n_locals: 0 };
        assert_eq!(tokens_of(&sq, &map, &["I32Mul", "Return"]), [vec![at(10)], vec![at(12)]]);
    }

    /// `: QUAD SQ SQ ;` with `SQ` inlined twice: each multiply is its call's.
    #[test]
    fn inlined_code_is_its_call_sites() {
        let before = vec![Block { ops: vec![Op::Call(900), Op::Call(900)], term: Term::Return }];
        let map = SourceMap { blocks: before, ops: vec![vec![at(8), at(11)]], terms: vec![at(14)] };
        let (dup, mul) = (Op::Prim(Prim::Dup), Op::Prim(Prim::Mul));
        let blocks = vec![Block { ops: vec![dup.clone(), mul.clone(), dup, mul], term: Term::Return }];
        let quad =
            Function { xt: crate::kernel::first_user_xt(), name: "QUAD".into(), blocks, n_loops: 0, n_locals: 0 };
        assert_eq!(tokens_of(&quad, &map, &["I32Mul"]), [vec![at(8), at(11)]]);
    }

    #[test]
    fn the_functions_lines_take_the_token_of_the_mark_before_them() {
        let printed = [
            (Some(10), "  (func $a\n"),
            (Some(12), "    i32.const 1)\n"),
            (Some(20), "  (func $sq (param i32) (result i32)\n"),
            (Some(22), "    local.get 0\n"),
            (Some(24), "    i32.mul\n"),
            (None, "  )\n"),
            (Some(30), "  (export \"x\")\n"),
        ];
        let marks = [(22, None), (24, Some(0))];
        let lines = function_lines(printed, 20..30, &marks);
        assert_eq!(
            lines,
            [
                ("(func $sq (param i32) (result i32)".to_string(), None),
                ("  local.get 0".to_string(), None),
                ("  i32.mul".to_string(), Some(0)),
                (")".to_string(), None),
            ]
        );
    }
}
