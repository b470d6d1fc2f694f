//! The per-word code view: one colon definition's wasm function, with the
//! source token each stretch of its instructions came from, as Compiler
//! Explorer shows a function beside its source.
//!
//! Made on demand: the program is linked as `Forth::link` links it (the
//! link-stage passes included), recording where the code of each op and
//! terminator of the word's function starts ([`CodePart`]) as the image is
//! emitted; its source map (`source_map.rs`), aligned with the IR the image
//! was emitted from, says which token each op came from. The function is
//! then cut out of the image ([`one_function`]) for printing.
//!
//! Guarantees: the function's body is byte for byte the one the linked
//! image holds, and the effect shown is the one inferred over the image's
//! definitions; every mark lies within the function body, in increasing
//! order; a mark without a token is code no token made (the frame: entry
//! checks, `block`/`loop`/`end`), or code the alignment could not tie to a
//! token (never a wrong one, as far as the alignment knows).

use crate::emit::structure::{CodePart, Marks};
use crate::error::Diagnostic;
use crate::interpreter::Forth;
use crate::ir::{Function, Xt};
use crate::link::{leb_u32, sections, LinkOptions, Linked};
use crate::machine::Machine;
use crate::passes::effects::{infer_or_why, Dynamic, Effect};
use crate::source_map::align::{align, Attribution};
use crate::source_map::Span;

/// One word's function and the tokens its code came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordCode {
    /// The word's name, upper case.
    pub name: String,
    /// Its inferred stack effect (`( 2 -- 1 )`), or why it has none.
    pub effect: String,
    /// The file its definition is in, if known.
    pub file: Option<String>,
    /// The linked image with every other function body replaced by
    /// `unreachable` and its data left out ([`one_function`]): the function
    /// is byte for byte the image's (function index [`WordCode::func`]).
    pub module: Vec<u8>,
    /// The function's index in `module`, as in the image.
    pub func: u32,
    /// The byte range of the function's body in `module` (its locals, then
    /// its instructions), where a printer starts the function's text.
    pub body: std::ops::Range<u32>,
    /// Where each stretch of the instructions starts (a byte offset in
    /// `module`) and the index in `tokens` of the token it came from.
    pub marks: Vec<(u32, Option<u32>)>,
    /// The distinct tokens of the definition that made code, in source order.
    pub tokens: Vec<Span>,
    /// The entry word of the image the function is from.
    pub image: String,
    /// Which image that is and what linking did to the word, in a sentence
    /// for the reader (`as linked with entry MAIN; inlined into MAIN at
    /// link time ...`).
    pub linked: String,
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

    /// The code of the colon definition `name` as the image linked with
    /// `entry` (`MAIN` if `None`) holds it: the program is linked as
    /// [`Forth::link`] links it, link-time passes and all, and the word's
    /// function is taken from the image. When that image does not hold the
    /// word (nothing reachable from the entry calls it, or there is no such
    /// entry), it is linked with the word itself as the entry.
    pub fn word_code(&mut self, m: &mut dyn Machine, name: &str, entry: Option<&str>) -> Result<WordCode, Diagnostic> {
        let xt = self.colon_xt(name).ok_or_else(|| Diagnostic::new(format!("{name} is not a colon definition")))?;
        let asked = entry.map(str::trim).filter(|e| !e.is_empty()).unwrap_or("MAIN").to_ascii_uppercase();
        let own = self.word_name(xt);
        let has_entry = self.dict.find(&asked).is_some();
        let mut linked = None;
        if has_entry {
            let l = self.link_marked(m, &asked, xt)?;
            if l.marked.is_some() {
                linked = Some((asked.clone(), l));
            }
        }
        let how = match (&linked, has_entry) {
            (Some(_), _) => format!("in the image linked with entry {asked}"),
            (None, true) => {
                format!("not in the image of {asked} (nothing it runs calls it): as linked with entry {own}")
            }
            (None, false) => format!("no word {asked} to link from: as linked with entry {own}"),
        };
        let (image, linked) = match linked {
            Some(l) => l,
            None => (own.clone(), self.link_marked(m, &own, xt)?),
        };
        let Linked { artifact, funcs, inlined, marked } = linked;
        let marked =
            marked.ok_or_else(|| Diagnostic::new(format!("internal error: the image of {image} lacks {own}")))?;
        let func = funcs.iter().find(|f| f.xt == xt).expect("the image holds it");
        let mut linked_note = how;
        let callers: Vec<String> =
            inlined.iter().filter(|&&(_, c)| c == xt).map(|&(at, _)| self.word_name(at)).collect();
        if !callers.is_empty() {
            linked_note += &format!(
                "; inlined into {} at link time (this function stays in the image, for EXECUTE)",
                callers.join(", ")
            );
        }
        let effect = match self.linked_effect(&funcs, func) {
            Ok(e) => e.to_string(),
            Err(d) => format!("not static: {}", crate::remarks::why(d, &|x| self.word_name(x))),
        };
        // Imports come first in the function index space; the image has one.
        let entry_idx = marked.index as usize - 1;
        let (module, body) = one_function(&artifact.bytes, entry_idx)
            .ok_or_else(|| Diagnostic::new("internal error: the image has no such function body"))?;
        #[cfg(feature = "validate")]
        if self.cfg.validate {
            wasmparser::validate(&module)
                .map_err(|e| Diagnostic::new(format!("internal error: the word's module does not validate: {e}")))?;
        }
        let spans = self.source_maps.get(&xt).map(|map| align(map, func));
        let Tied { marks, tokens } = tie_to_tokens(body.clone(), &marked.marks, marked.len, spans.as_ref());
        Ok(WordCode {
            name: own,
            effect,
            file: self.remarks.locations.get(&xt).map(|l| l.file.clone()),
            module,
            func: marked.index,
            body,
            marks,
            tokens,
            image,
            linked: linked_note,
        })
    }

    /// Links with the entry `entry`, marking the code of `xt`.
    fn link_marked(&mut self, m: &mut dyn Machine, entry: &str, xt: Xt) -> Result<Linked, Diagnostic> {
        let opts = LinkOptions { entry: Some(entry.to_string()), ..LinkOptions::default() };
        self.link_with(m, &opts, Some(xt))
    }

    /// The effect of `func`, one of an image's `funcs`, inferred from the
    /// declared effects of deferred words and those of the definitions
    /// before it, as the image's plan infers it.
    fn linked_effect(&self, funcs: &[Function], func: &Function) -> Result<Effect, Dynamic> {
        let mut known = self.system.deferred_effects.clone();
        for f in funcs.iter().take_while(|f| f.xt != func.xt) {
            if let Ok(e) = infer_or_why(f, &known) {
                known.insert(f.xt, e);
            }
        }
        infer_or_why(func, &known)
    }
}

/// A function's code tied to its tokens, as [`WordCode`] holds it.
struct Tied {
    marks: Vec<(u32, Option<u32>)>,
    tokens: Vec<Span>,
}

/// The marks of the function whose body is `body` tied to tokens: `parts`
/// and `len` as the emitter gives them (from the start of its instructions,
/// which end the body), `spans` the tokens of the function's ops and
/// terminators.
fn tie_to_tokens(body: std::ops::Range<u32>, parts: &Marks, len: usize, spans: Option<&Attribution>) -> Tied {
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
    Tied { marks, tokens }
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

/// `module` with every function body but the one at `entry` (an index into
/// its code section) replaced by `unreachable`, and its data and custom
/// sections (but names) left out: a small module that prints the function
/// as it is, byte for byte, with the names, types and indices of the
/// whole. Also the byte range of that body (its locals, then its
/// instructions) in the new module.
pub(crate) fn one_function(module: &[u8], entry: usize) -> Option<(Vec<u8>, std::ops::Range<u32>)> {
    use wasm_encoder::Encode;
    let mut out = module.get(..8)?.to_vec();
    let mut body = None;
    for s in sections(module).ok()? {
        match (s.id, s.name.as_deref()) {
            (CODE_SECTION, _) => {
                let mut pos = s.contents.start;
                let n = leb_u32(module, &mut pos)?;
                let mut code = Vec::new();
                n.encode(&mut code);
                let mut at = None;
                for i in 0..n as usize {
                    let size = leb_u32(module, &mut pos)? as usize;
                    let bytes = module.get(pos..pos + size)?;
                    pos += size;
                    if i == entry {
                        (size as u32).encode(&mut code);
                        at = Some(code.len()..code.len() + size);
                        code.extend_from_slice(bytes);
                    } else {
                        // No locals, `unreachable`, `end`: valid for any type.
                        code.extend_from_slice(&[3, 0, 0x00, 0x0b]);
                    }
                }
                out.push(CODE_SECTION);
                (code.len() as u32).encode(&mut out);
                let base = out.len();
                let at = at?;
                body = Some((base + at.start) as u32..(base + at.end) as u32);
                out.extend_from_slice(&code);
            }
            // The data count must go with the data.
            (DATA_SECTION | DATA_COUNT_SECTION, _) => {}
            (0, name) if name != Some("name") => {}
            _ => out.extend_from_slice(&module[s.range]),
        }
    }
    Some((out, body?))
}

const CODE_SECTION: u8 = 10;
const DATA_SECTION: u8 = 11;
const DATA_COUNT_SECTION: u8 = 12;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::module::marked_module;
    use crate::ir::{Block, Op, Term};
    use crate::primitives::Prim;
    use crate::source_map::SourceMap;

    /// The byte range of the body at `entry` of `module`'s code section.
    fn body_in(module: &[u8], entry: usize) -> Option<std::ops::Range<u32>> {
        let mut bodies = wasmparser::Parser::new(0).parse_all(module).filter_map(|p| match p {
            Ok(wasmparser::Payload::CodeSectionEntry(b)) => Some(b.range()),
            _ => None,
        });
        bodies.nth(entry).map(|r| r.start as u32..r.end as u32)
    }

    /// Cut out of a module, a function keeps its bytes, and the module
    /// still validates and keeps its names.
    #[test]
    fn one_function_keeps_its_bytes_and_the_module_its_shape() {
        use wasm_encoder::{CodeSection, DataSection, FunctionSection, MemorySection, MemoryType, Module, TypeSection};
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([wasm_encoder::ValType::I32], [wasm_encoder::ValType::I32]);
        m.section(&types);
        let mut funcs = FunctionSection::new();
        funcs.function(0).function(0);
        m.section(&funcs);
        let mut mems = MemorySection::new();
        mems.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
        m.section(&mems);
        let mut code = CodeSection::new();
        for k in [3, 5] {
            let mut f = wasm_encoder::Function::new([(1, wasm_encoder::ValType::I32)]);
            f.instructions().local_get(0).i32_const(k).i32_mul().end();
            code.function(&f);
        }
        m.section(&code);
        let mut data = DataSection::new();
        data.active(0, &wasm_encoder::ConstExpr::i32_const(0), [1, 2, 3]);
        m.section(&data);
        let mut names = wasm_encoder::NameSection::new();
        let mut map = wasm_encoder::NameMap::new();
        map.append(1, "five");
        names.functions(&map);
        m.section(&names);
        let module = m.finish();
        let (cut, body) = one_function(&module, 1).unwrap();
        wasmparser::validate(&cut).unwrap();
        let was = body_in(&module, 1).unwrap();
        assert_eq!(body_in(&cut, 1), Some(body.clone()));
        assert_eq!(cut[body.start as usize..body.end as usize], module[was.start as usize..was.end as usize]);
        assert_eq!(crate::link::custom_section(&cut, "name"), crate::link::custom_section(&module, "name"));
        let data =
            wasmparser::Parser::new(0).parse_all(&cut).any(|p| matches!(p, Ok(wasmparser::Payload::DataSection(_))));
        assert!(!data, "the data is left out");
    }

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
        let body = body_in(&module, 0).unwrap();
        let Tied { marks, tokens } = tie_to_tokens(body.clone(), &parts, len, Some(&align(map, func)));
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
