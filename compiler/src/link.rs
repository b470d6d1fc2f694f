//! Linking: one self-contained module from a loaded program.
//!
//! After a program has loaded, [`Forth::link`] emits an *image*: the kernel
//! plus every reachable colon definition (calls between them are direct), a
//! data segment holding the memory snapshot, the table laid out so that
//! execution tokens stay valid, an export for the entry word, and two custom
//! sections: [`IMAGE_SECTION`] (what a host needs to run the image: layout,
//! entry, dictionary) and [`PROVENANCE_SECTION`] (what was built from what).
//!
//! Reachability: the roots are the entry word, every cell of the memory
//! snapshot that is the xt of a colon definition (deferred words, tables of
//! xts, `DOES>` code), and every literal that is one. When reachable code uses
//! the dictionary at run time (`EVALUATE`, `FIND`, `'`, `INCLUDED`, …), every
//! definition is kept, since any name may be looked up.
//!
//! Guarantee: the bytes are a pure function of the loaded program and the
//! options, and they validate.

use std::collections::BTreeSet;

use crate::digest::hex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::dictionary::{Header, Kind};
use crate::emit::structure::Marks;
use crate::error::Diagnostic;
use crate::host_words::HostWord;
use crate::interpreter::{Forth, TableEntry};
use crate::ir::{Function, Op, Xt};
use crate::kernel::{self, host_word_of, Entry, Extras};
use crate::machine::{Machine, MachineExt};
use runtime::{addr, Layout};

/// Name of the custom section a host reads to run an image.
pub const IMAGE_SECTION: &str = "fastforth.image";
/// Name of the custom section with the build's provenance.
pub const PROVENANCE_SECTION: &str = "provenance";

/// How to link.
#[derive(Clone, Debug, Default)]
pub struct LinkOptions {
    /// The entry word; `MAIN` if `None`.
    pub entry: Option<String>,
    /// Compiler options to record in the provenance, as `(name, value)`.
    pub options: Vec<(String, String)>,
    /// Add execution counters to every block (see [`crate::cost`]); they
    /// sit in data space right above the snapshot, and `HERE` starts after
    /// them.
    pub instrument: bool,
}

/// A linked image.
#[derive(Clone, Debug)]
pub struct Artifact {
    /// The module.
    pub bytes: Vec<u8>,
    /// The entry word's name, which is also its export name.
    pub entry: String,
    /// Colon definitions included, of those compiled.
    pub functions: (usize, usize),
    /// The counters, in an instrumented image.
    pub counters: Option<crate::cost::Counters>,
}

/// What a host needs to run an image; stored as JSON in [`IMAGE_SECTION`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageInfo {
    /// Format version.
    pub format: u32,
    /// Linear memory size in bytes.
    pub memory_bytes: u32,
    /// Data stack capacity in cells.
    pub data_stack_cells: u32,
    /// Return stack capacity in cells.
    pub return_stack_cells: u32,
    /// Floating-point stack capacity in floats (absent in older images).
    #[serde(default = "default_float_stack")]
    pub float_stack_floats: u32,
    /// The entry word.
    pub entry: String,
    /// The entry word's xt.
    pub entry_xt: Xt,
    /// The next free xt.
    pub next_xt: Xt,
    /// The user's definitions, oldest first.
    pub words: Vec<WordInfo>,
    /// How many word lists there are (FORTH-WORDLIST is word list 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub word_lists: usize,
    /// The search order, first searched first (empty: the default order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<usize>,
    /// The compilation word list.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub current: usize,
    /// `REPLACES` names and their texts, sorted by name, for `SUBSTITUTE`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substitutions: Vec<(Vec<u8>, Vec<u8>)>,
}

fn is_zero(v: &usize) -> bool {
    *v == 0
}

/// One user definition in an image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordInfo {
    /// Name (empty for `:NONAME` and `DOES>` code).
    pub name: String,
    /// Execution token.
    pub xt: Xt,
    /// Immediate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub immediate: bool,
    /// Kind: `colon`, `created`, `does`, `variable`, `constant`, `value`, `2value`, `defer`.
    pub kind: String,
    /// Body address or constant value, where the kind has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arg: Option<i64>,
    /// The word list the word belongs to (0: FORTH-WORDLIST).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub wordlist: usize,
}

impl ImageInfo {
    /// The layout the image was built for.
    pub fn layout(&self) -> Layout {
        Layout::new(self.memory_bytes, self.data_stack_cells, self.return_stack_cells)
            .with_float_stack(self.float_stack_floats)
    }
}

fn default_float_stack() -> u32 {
    runtime::DEFAULT_FLOAT_STACK
}

/// Host words that look names up at run time: if reachable code uses one,
/// every definition is kept.
const DICTIONARY_WORDS: &[HostWord] = &[
    HostWord::Evaluate,
    HostWord::Find,
    HostWord::Tick,
    HostWord::Included,
    HostWord::Include,
    HostWord::Postpone,
    HostWord::BracketCompile,
    HostWord::Colon,
    HostWord::BracketDefined,
    HostWord::BracketUndefined,
    HostWord::Synonym,
    HostWord::TraverseWordlist,
    HostWord::See,
    HostWord::SearchWordlist,
    HostWord::IncludeFile,
    HostWord::Required,
    HostWord::Require,
    HostWord::Load,
];

fn word_info(h: &Header, wordlist: usize) -> Option<WordInfo> {
    let (kind, arg) = match h.kind {
        Kind::Colon => ("colon", None),
        Kind::Created { body } => ("created", Some(i64::from(body))),
        Kind::Does { body } => ("does", Some(i64::from(body))),
        Kind::Variable { body } => ("variable", Some(i64::from(body))),
        Kind::Constant { value } => ("constant", Some(i64::from(value))),
        Kind::Value { body } => ("value", Some(i64::from(body))),
        Kind::TwoValue { body } => ("2value", Some(i64::from(body))),
        Kind::FConstant { body } => ("fconstant", Some(i64::from(body))),
        Kind::FValue { body } => ("fvalue", Some(i64::from(body))),
        Kind::Defer { body } => ("defer", Some(i64::from(body))),
        Kind::InterpCompile { comp } => ("interpret/compile", Some(i64::from(comp))),
        Kind::Marker { .. } | Kind::Prim(_) | Kind::Host(_) => return None,
    };
    Some(WordInfo { name: h.name.clone(), xt: h.xt, immediate: h.immediate, kind: kind.into(), arg, wordlist })
}

/// The kind of a word read back from an image, or `None` if unknown.
pub(crate) fn kind_of(w: &WordInfo) -> Option<Kind> {
    let arg = w.arg.unwrap_or(0);
    Some(match w.kind.as_str() {
        "colon" => Kind::Colon,
        "created" => Kind::Created { body: arg as u32 },
        "does" => Kind::Does { body: arg as u32 },
        "variable" => Kind::Variable { body: arg as u32 },
        "constant" => Kind::Constant { value: arg as i32 },
        "value" => Kind::Value { body: arg as u32 },
        "2value" => Kind::TwoValue { body: arg as u32 },
        "fconstant" => Kind::FConstant { body: arg as u32 },
        "fvalue" => Kind::FValue { body: arg as u32 },
        "defer" => Kind::Defer { body: arg as u32 },
        "interpret/compile" => Kind::InterpCompile { comp: arg as u32 },
        _ => return None,
    })
}

/// Splits memory into runs of non-zero bytes, joining runs separated by
/// fewer than 16 zeros, for compact data segments.
fn data_runs(mem: &[u8]) -> Vec<(u32, Vec<u8>)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < mem.len() {
        // Most of the memory below data space is zero: skip it 16 bytes at
        // a time (the link scans 2 MiB or more).
        while let Some(chunk) = mem.get(i..i + 16) {
            if u128::from_ne_bytes(chunk.try_into().expect("16 bytes")) != 0 {
                break;
            }
            i += 16;
        }
        if i >= mem.len() {
            break;
        }
        if mem[i] == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut zeros = 0;
        while i < mem.len() && zeros < 16 {
            if mem[i] == 0 {
                zeros += 1;
            } else {
                zeros = 0;
                end = i + 1;
            }
            i += 1;
        }
        runs.push((start as u32, mem[start..end].to_vec()));
    }
    runs
}

/// Pushes onto `found` every cell of `mem` that is the xt of a compiled
/// definition (`by_xt` is indexed by xt), in memory order.
fn xts_in(mem: &[u8], by_xt: &[Option<&Function>], found: &mut Vec<Xt>) {
    // The scan covers megabytes, mostly zeros and addresses far above the
    // highest xt: 16 zero bytes are skipped at once, and one compare
    // rejects an address before the table is read.
    let slots = by_xt.len() as u32;
    let mut scan = |cells: &[u8]| {
        for cell in cells.chunks_exact(4) {
            let v = u32::from_le_bytes([cell[0], cell[1], cell[2], cell[3]]);
            if v < slots && by_xt[v as usize].is_some() {
                found.push(v);
            }
        }
    };
    let mut chunks = mem.chunks_exact(16);
    for chunk in &mut chunks {
        if u128::from_ne_bytes(chunk.try_into().expect("16 bytes")) != 0 {
            scan(chunk);
        }
    }
    scan(chunks.remainder());
}

/// What [`Forth::link_with`] made: the image, with what the code view
/// needs to show one of its functions.
pub(crate) struct Linked {
    /// The image.
    pub artifact: Artifact,
    /// The definitions it holds, as emitted: after the link-stage passes.
    pub funcs: Vec<Function>,
    /// The calls the link-stage passes inlined, as (caller, callee).
    pub inlined: crate::pipeline::Inlined,
    /// The function asked to be marked, if the image holds it.
    pub marked: Option<MarkedFunction>,
}

/// One function of an image with where the parts of its code start.
pub(crate) struct MarkedFunction {
    /// Its function index in the image.
    pub index: u32,
    /// Where the parts of its code start, from the start of its instructions.
    pub marks: Marks,
    /// The length of its instructions, which end its body.
    pub len: usize,
}

impl Forth {
    /// Links the loaded program into one self-contained module.
    pub fn link(&mut self, m: &mut dyn Machine, opts: &LinkOptions) -> Result<Artifact, Diagnostic> {
        Ok(self.link_with(m, opts, None)?.artifact)
    }

    /// [`Forth::link`], recording the marks of the definition `mark`'s code
    /// as the image holds it, for the code view.
    pub(crate) fn link_with(
        &mut self,
        m: &mut dyn Machine,
        opts: &LinkOptions,
        mark: Option<Xt>,
    ) -> Result<Linked, Diagnostic> {
        if self.current.is_some() {
            return Err(Diagnostic::new("cannot link while a definition is still open"));
        }
        // The image is made from the compiled IR; what was never run is
        // never emitted as a batch module.
        self.prepare().map_err(|f| Diagnostic::new(format!("cannot compile the pending definitions: {f:?}")))?;
        let entry = opts.entry.clone().unwrap_or_else(|| "MAIN".into());
        let entry_xt = match self.dict.find(&entry) {
            Some(h) => h.xt,
            None => return Err(Diagnostic::new(format!("the entry word {entry} is not defined (use --entry WORD)"))),
        };
        let here = m.read_cell(addr::DP).map_err(|f| Diagnostic::new(format!("cannot read HERE: {f:?}")))? as u32;
        let read_err = |f| Diagnostic::new(format!("cannot read memory: {f:?}"));
        let mut snapshot = m.read_vec(0, here).map_err(read_err)?;
        // The heap goes into the image too once a program has used it, so
        // that what it allocated while loading is still there at run time.
        let (heap_start, heap_end) = (self.cfg.layout.heap_start(), self.cfg.layout.heap_end());
        let heap = if m.read_cell(heap_start).map_err(read_err)? as u32 == runtime::heap::MAGIC {
            m.read_vec(heap_start, heap_end - heap_start).map_err(read_err)?
        } else {
            Vec::new()
        };

        // Execution tokens are small dense numbers, so the compiled
        // definitions are indexed by xt directly: the scan below looks up
        // every cell of data space and the heap (half a million or more).
        let slots = self.pipeline.compiled.iter().map(|f| f.xt as usize + 1).max().unwrap_or(0);
        let mut by_xt: Vec<Option<&Function>> = vec![None; slots];
        for f in &self.pipeline.compiled {
            by_xt[f.xt as usize] = Some(f);
        }
        let compiled_at = |xt: Xt| by_xt.get(xt as usize).copied().flatten();
        let mut keep: BTreeSet<Xt> = BTreeSet::new();
        let mut work: Vec<Xt> = vec![entry_xt];
        xts_in(&snapshot, &by_xt, &mut work);
        xts_in(&heap, &by_xt, &mut work);
        let mut uses_dictionary = false;
        while let Some(xt) = work.pop() {
            if let Some(h) = host_word_of(xt) {
                uses_dictionary |= DICTIONARY_WORDS.contains(&h);
            }
            let Some(f) = compiled_at(xt) else { continue };
            if !keep.insert(xt) {
                continue;
            }
            work.extend(self.pipeline.inlined_calls.get(&xt).into_iter().flatten());
            for b in &f.blocks {
                for op in &b.ops {
                    match *op {
                        Op::Call(x) => work.push(x),
                        Op::Lit(v) if v > 0 => work.push(v as u32),
                        _ => {}
                    }
                }
            }
        }
        let mut funcs: Vec<Function> = if uses_dictionary {
            self.pipeline.compiled.clone()
        } else {
            self.pipeline.compiled.iter().filter(|f| keep.contains(&f.xt)).cloned().collect()
        };
        let inlined = self
            .pipeline
            .link_passes(&mut funcs, &self.cfg)
            .map_err(|e| Diagnostic::new(format!("internal error: IR verification failed {e}")))?;
        let counters = opts.instrument.then(|| {
            let base = here.next_multiple_of(4);
            let c = crate::cost::instrument(&mut funcs, base, self.cfg.optimize);
            let new_here = base + 4 * c.counters.len() as u32;
            snapshot.resize(base as usize, 0);
            let dp = addr::DP as usize;
            snapshot[dp..dp + 4].copy_from_slice(&new_here.to_le_bytes());
            c
        });
        if let Some(c) = &counters {
            let end = u64::from(c.base) + 4 * c.counters.len() as u64;
            if end > u64::from(self.cfg.layout.data_end()) {
                return Err(Diagnostic::new("no room in data space for the counters of an instrumented build"));
            }
        }
        let entries: Vec<(Xt, Entry)> = self
            .installed
            .iter()
            .map(|&(xt, e)| {
                (
                    xt,
                    match e {
                        TableEntry::CodeField(cf) => Entry::CodeField(cf),
                        TableEntry::Host => Entry::Host,
                    },
                )
            })
            .collect();

        let layout = self.cfg.layout;
        let first_user = kernel::first_user_xt();
        let words = (0..self.dict.len())
            .filter(|&i| self.dict.get(i).xt >= first_user)
            .filter_map(|i| word_info(self.dict.get(i), self.dict.list_of(i)))
            .collect();
        let info = ImageInfo {
            format: 1,
            memory_bytes: layout.memory_bytes,
            data_stack_cells: layout.data_stack_cells,
            return_stack_cells: layout.return_stack_cells,
            float_stack_floats: layout.float_stack_floats,
            entry: entry.clone(),
            entry_xt,
            next_xt: self.next_xt,
            words,
            word_lists: self.dict.word_lists(),
            order: self.dict.order().to_vec(),
            current: self.dict.current(),
            substitutions: {
                let mut subs: Vec<_> = self.substitutions.clone().into_iter().collect();
                subs.sort();
                subs
            },
        };
        let image_json = serde_json::to_vec(&info).expect("image info serializes");
        let mut data = data_runs(&snapshot);
        data.extend(data_runs(&heap).into_iter().map(|(a, bytes)| (a + heap_start, bytes)));
        let extras = Extras {
            funcs: &funcs,
            entries: &entries,
            data: &data,
            entry_points: &[(entry.clone(), entry_xt)],
            custom: &[(IMAGE_SECTION.to_string(), image_json)],
            name: "fastforth-image",
            deferred: Some(&self.system.deferred_effects),
        };
        let mut known = self.system.deferred_effects.clone();
        let mut marks = Marks::new();
        let (mut bytes, marked) =
            kernel::image_module_marked(layout, &extras, &mut known, self.cfg.optimize, mark.map(|x| (x, &mut marks)))
                .map_err(|e| Diagnostic::new(e.to_string()))?;
        // The provenance section comes last and records hashes of everything
        // before it, so a reader can check the module it sits in.
        let hashes = module_hashes(&bytes).map_err(Diagnostic::new)?;
        let provenance = self.provenance_json(&entry, opts, hashes);
        append_custom(&mut bytes, PROVENANCE_SECTION, &provenance);
        #[cfg(feature = "validate")]
        if self.cfg.validate {
            if let Err(e) = wasmparser::validate(&bytes) {
                return Err(Diagnostic::new(format!("internal error: the linked module does not validate: {e}")));
            }
        }
        let artifact = Artifact { bytes, entry, functions: (funcs.len(), self.pipeline.compiled.len()), counters };
        let marked = marked.map(|(index, len)| MarkedFunction { index, marks, len });
        Ok(Linked { artifact, funcs, inlined, marked })
    }

    /// A system that serves a linked image, which `m` has booted as its
    /// kernel: the dictionary comes from the image, nothing is loaded.
    pub fn from_image(info: &ImageInfo, validate: bool) -> Forth {
        let mut f = Forth::new(crate::Config { layout: info.layout(), validate, ..crate::Config::default() });
        f.register_builtins();
        while f.dict.word_lists() < info.word_lists {
            f.dict.new_word_list(false);
        }
        for w in &info.words {
            if let Some(kind) = kind_of(w).filter(|_| f.dict.is_word_list(w.wordlist)) {
                f.dict.set_current(w.wordlist);
                f.dict.add(Header {
                    name: w.name.clone(),
                    xt: w.xt,
                    immediate: w.immediate,
                    compile_only: false,
                    hidden: false,
                    kind,
                });
            }
        }
        let n_lists = f.dict.word_lists();
        if !info.order.is_empty() && info.order.iter().all(|&wl| wl < n_lists) {
            f.dict.set_order(info.order.clone());
        }
        f.dict.set_current(if info.current < n_lists { info.current } else { crate::dictionary::FORTH_WORDLIST });
        f.substitutions = info.substitutions.iter().cloned().collect();
        f.next_xt = info.next_xt;
        f.booted = true;
        f
    }

    /// Executes the word `xt` as a top-level action (an image's entry).
    pub fn run_xt(&mut self, m: &mut dyn Machine, xt: Xt) -> Result<(), crate::Stop> {
        self.top(m, |f, m| {
            // An image runs no source, so a fault has no line: name the word
            // that was run instead (the innermost loop's note wins if any).
            f.execute(m, xt).and_then(|()| f.check_stacks(m)).inspect_err(|_| {
                let name = f.dict.by_xt(xt).map(|h| h.name.clone()).unwrap_or_default();
                f.note(name.as_bytes());
            })
        })
    }

    fn provenance_json(&self, entry: &str, opts: &LinkOptions, hashes: serde_json::Value) -> Vec<u8> {
        let sources: Vec<serde_json::Value> =
            self.sources.iter().map(|(name, sha)| serde_json::json!({ "name": name, "sha256": hex(sha) })).collect();
        let mut all = Sha256::new();
        for (_, sha) in &self.sources {
            all.update(sha);
        }
        let options: serde_json::Map<String, serde_json::Value> =
            opts.options.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
        let doc = serde_json::json!({
            "format": "fastforth-provenance/1",
            "compiler": { "name": "fastforth-wasm", "version": crate::VERSION },
            "entry": entry,
            "source_sha256": hex(&all.finalize()),
            "sources": sources,
            "options": options,
            "module": hashes,
            "layout": recorded_layout(&self.cfg),
            "passes": crate::pipeline::recorded_passes(&self.cfg),
        });
        serde_json::to_vec_pretty(&doc).expect("provenance serializes")
    }
}

/// The memory layout a module's provenance section records for `cfg`.
pub fn recorded_layout(cfg: &crate::Config) -> serde_json::Value {
    serde_json::json!({
        "memory_bytes": cfg.layout.memory_bytes,
        "data_stack_cells": cfg.layout.data_stack_cells,
        "return_stack_cells": cfg.layout.return_stack_cells,
        "float_stack_floats": cfg.layout.float_stack_floats,
    })
}

/// Reads a custom section out of a module, if present.
pub fn custom_section(module: &[u8], name: &str) -> Option<Vec<u8>> {
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        if let Ok(wasmparser::Payload::CustomSection(c)) = payload {
            if c.name() == name {
                return Some(c.data().to_vec());
            }
        }
    }
    None
}

/// One section of a module: its id, its name if custom, and the byte range
/// of the whole section (id, size and contents).
pub(crate) struct Section {
    pub id: u8,
    pub name: Option<String>,
    pub range: std::ops::Range<usize>,
    pub contents: std::ops::Range<usize>,
}

/// Reads an unsigned LEB128 u32 at `*pos`.
pub(crate) fn leb_u32(b: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v: u64 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *b.get(*pos)?;
        *pos += 1;
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(v).ok();
        }
    }
    None
}

/// Splits a module into its sections.
pub(crate) fn sections(module: &[u8]) -> Result<Vec<Section>, String> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        return Err("not a WebAssembly module (bad magic number)".into());
    }
    let mut out = Vec::new();
    let mut pos = 8;
    while pos < module.len() {
        let start = pos;
        let id = module[pos];
        pos += 1;
        let size = leb_u32(module, &mut pos).ok_or("truncated section header")? as usize;
        let end = pos.checked_add(size).filter(|&e| e <= module.len()).ok_or("a section runs past the end")?;
        let name = if id == 0 {
            let mut p = pos;
            let n = leb_u32(module, &mut p).ok_or("truncated custom section name")? as usize;
            let bytes = module.get(p..p + n).filter(|_| p + n <= end).ok_or("bad custom section name")?;
            Some(String::from_utf8_lossy(bytes).into_owned())
        } else {
            None
        };
        out.push(Section { id, name, range: start..end, contents: pos..end });
        pos = end;
    }
    Ok(out)
}

/// The hashes the provenance section records about the module it sits in:
/// `content_sha256` of the whole module without the provenance section, and
/// one per part that matters (`code`, `data`, the image section).
pub fn module_hashes(module: &[u8]) -> Result<serde_json::Value, String> {
    let secs = sections(module)?;
    let mut content = Sha256::new();
    content.update(&module[..8]);
    let mut parts = serde_json::Map::new();
    for s in &secs {
        if s.name.as_deref() == Some(PROVENANCE_SECTION) {
            continue;
        }
        content.update(&module[s.range.clone()]);
        let part = match (s.id, s.name.as_deref()) {
            (10, _) => "code_sha256",
            (11, _) => "data_sha256",
            (0, Some(IMAGE_SECTION)) => "image_sha256",
            _ => continue,
        };
        parts.insert(part.into(), hex(&Sha256::digest(&module[s.contents.clone()])).into());
    }
    parts.insert("content_sha256".into(), hex(&content.finalize()).into());
    Ok(serde_json::Value::Object(parts))
}

/// Appends a custom section to a module.
fn append_custom(module: &mut Vec<u8>, name: &str, data: &[u8]) {
    module.push(0);
    wasm_encoder::Encode::encode(&wasm_encoder::CustomSection { name: name.into(), data: data.into() }, module);
}

/// The result of checking a module against its provenance section.
#[derive(Clone, Debug)]
pub struct ProvenanceCheck {
    /// The provenance section, parsed.
    pub provenance: serde_json::Value,
    /// `(name, recorded, actual)` for every hash recorded under `module`.
    pub hashes: Vec<(String, String, String)>,
}

impl ProvenanceCheck {
    /// The hashes that differ.
    pub fn mismatches(&self) -> Vec<&(String, String, String)> {
        self.hashes.iter().filter(|(_, want, got)| want != got).collect()
    }
}

/// Reads a module's provenance section and recomputes the hashes it records.
pub fn check_provenance(module: &[u8]) -> Result<ProvenanceCheck, String> {
    let secs = sections(module)?;
    let prov = secs
        .iter()
        .find(|s| s.name.as_deref() == Some(PROVENANCE_SECTION))
        .ok_or_else(|| format!("the module has no {PROVENANCE_SECTION} section"))?;
    let mut p = prov.contents.start;
    let n = leb_u32(module, &mut p).ok_or("bad provenance section")? as usize;
    let provenance: serde_json::Value = serde_json::from_slice(&module[p + n..prov.contents.end])
        .map_err(|e| format!("the {PROVENANCE_SECTION} section is not valid JSON: {e}"))?;
    let actual = module_hashes(module)?;
    let recorded = provenance.get("module").and_then(|m| m.as_object()).cloned().unwrap_or_default();
    if recorded.is_empty() {
        return Err(format!("the {PROVENANCE_SECTION} section records no module hashes (built by an older version?)"));
    }
    let hashes = recorded
        .iter()
        .map(|(k, v)| {
            let got = actual.get(k).and_then(|x| x.as_str()).unwrap_or("(absent)").to_string();
            (k.clone(), v.as_str().unwrap_or("").to_string(), got)
        })
        .collect();
    Ok(ProvenanceCheck { provenance, hashes })
}

/// Reads an image's [`ImageInfo`], after checking that `module` is one we
/// could have built: a valid WebAssembly module (so not truncated) whose only
/// import is the host-word function of the `runtime` ABI, with an
/// [`IMAGE_SECTION`]. Anything else is refused before a host instantiates it.
/// Validation is wasmparser's (the `validate` feature).
#[cfg(feature = "validate")]
pub fn image_info(module: &[u8]) -> Result<ImageInfo, String> {
    image_info_with(module, |m| wasmparser::validate(m).map(drop).map_err(|e| e.to_string()))
}

/// [`image_info`], with the validation done by `validate` (which returns
/// why the module is invalid): a host whose engine validates modules, such
/// as the browser's `WebAssembly.validate`, passes that instead of
/// carrying wasmparser's validator.
pub fn image_info_with(module: &[u8], validate: impl FnOnce(&[u8]) -> Result<(), String>) -> Result<ImageInfo, String> {
    if !module.starts_with(b"\0asm") {
        return Err("not a WebAssembly module (bad magic number)".into());
    }
    validate(module).map_err(|e| format!("not a valid WebAssembly module: {e}"))?;
    check_imports(module)?;
    let raw = custom_section(module, IMAGE_SECTION)
        .ok_or_else(|| format!("not a FastForth image: it has no {IMAGE_SECTION} section"))?;
    let info: ImageInfo =
        serde_json::from_slice(&raw).map_err(|e| format!("the {IMAGE_SECTION} section is malformed: {e}"))?;
    check_memory(module, info.memory_bytes)?;
    Ok(info)
}

/// Refuses a module whose memory is not the fixed-size one its image
/// section states (`link` makes its minimum and maximum equal): an image
/// cannot grow its memory beyond what it declares.
fn check_memory(module: &[u8], memory_bytes: u32) -> Result<(), String> {
    let pages = u64::from(memory_bytes / runtime::PAGE);
    let mut memories = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        if let Ok(wasmparser::Payload::MemorySection(r)) = payload {
            memories.extend(r.into_iter().flatten());
        }
    }
    match memories.as_slice() {
        [m] if m.initial == pages && m.maximum == Some(pages) && !m.memory64 && !m.shared => Ok(()),
        _ => Err(format!(
            "not a FastForth image: its memory is not the fixed {memory_bytes} bytes its {IMAGE_SECTION} section states"
        )),
    }
}

/// Refuses a module that imports anything but `forth.host` as a function of
/// the ABI's type `(param i32)`.
fn check_imports(module: &[u8]) -> Result<(), String> {
    use wasmparser::{Payload, TypeRef, ValType};
    let mut types = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(module) {
        match payload.map_err(|e| format!("not a valid WebAssembly module: {e}"))? {
            Payload::TypeSection(r) => {
                for ty in r.into_iter_err_on_gc_types() {
                    let ty = ty.map_err(|e| e.to_string())?;
                    types.push(ty.params() == [ValType::I32] && ty.results().is_empty());
                }
            }
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    let imp = imp.map_err(|e| e.to_string())?;
                    let ours = imp.module == runtime::imports::HOST_MODULE
                        && imp.name == runtime::imports::HOST_WORD
                        && matches!(imp.ty, TypeRef::Func(t) if types.get(t as usize) == Some(&true));
                    if !ours {
                        return Err(format!(
                            "not a FastForth image: it imports {}.{} ({:?}), which is outside the FastForth ABI (only {}.{} as a function of one i32)",
                            imp.module,
                            imp.name,
                            imp.ty,
                            runtime::imports::HOST_MODULE,
                            runtime::imports::HOST_WORD
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan for xts in memory finds exactly the cells that hold the xt
    /// of a compiled definition, in order, and nothing in a tail shorter
    /// than a cell.
    #[test]
    fn xts_in_memory_are_found_by_cell() {
        let f = crate::ir::test_builders::func(Vec::new(), 0);
        let by_xt = [None, None, Some(&f), None, Some(&f)];
        let mut mem = Vec::new();
        // Zero chunks of 16 bytes, cells that are xts in a chunk of their
        // own and in one with other values, and a last xt after the last
        // whole chunk.
        for v in [0u32, 0, 0, 0, 0, 2, 0, 0, 3, 4, 1 << 20, 4, u32::MAX, 0, 0, 0, 2] {
            mem.extend(v.to_le_bytes());
        }
        mem.extend([4, 0]);
        let mut found = vec![9];
        xts_in(&mem, &by_xt, &mut found);
        assert_eq!(found, vec![9, 2, 4, 4, 2]);
    }

    #[test]
    fn runs_skip_long_zero_stretches() {
        let mut mem = vec![0u8; 100];
        mem[3] = 1;
        mem[10] = 2;
        mem[60] = 3;
        let runs = data_runs(&mem);
        assert_eq!(runs, vec![(3, vec![1, 0, 0, 0, 0, 0, 0, 2]), (60, vec![3])]);
    }

    /// The 16-byte fast skip over zeros finds the same runs as a byte-wise
    /// scan, wherever the bytes fall relative to its chunks.
    #[test]
    fn runs_are_the_same_at_every_alignment() {
        fn slow(mem: &[u8]) -> Vec<(u32, Vec<u8>)> {
            let mut runs: Vec<(u32, Vec<u8>)> = Vec::new();
            let mut last_nonzero: Option<usize> = None;
            for (i, &b) in mem.iter().enumerate() {
                if b == 0 {
                    continue;
                }
                match (last_nonzero, runs.last_mut()) {
                    (Some(l), Some(run)) if i - l <= 16 => run.1.extend_from_slice(&mem[l + 1..=i]),
                    _ => runs.push((i as u32, vec![b])),
                }
                last_nonzero = Some(i);
            }
            runs
        }
        for len in [0, 1, 15, 16, 17, 31, 33, 64, 100] {
            for a in 0..len {
                for gap in [1, 15, 16, 17, 40] {
                    let mut mem = vec![0u8; len];
                    mem[a] = 7;
                    if a + gap < len {
                        mem[a + gap] = 9;
                    }
                    assert_eq!(data_runs(&mem), slow(&mem), "len {len}, byte at {a}, gap {gap}");
                }
            }
        }
    }

    #[test]
    fn provenance_hashes_detect_tampering() {
        let mut m = wasm_encoder::Module::new();
        let mut types = wasm_encoder::TypeSection::new();
        types.ty().function([], [wasm_encoder::ValType::I32]);
        m.section(&types);
        let mut funcs = wasm_encoder::FunctionSection::new();
        funcs.function(0);
        m.section(&funcs);
        let mut code = wasm_encoder::CodeSection::new();
        let mut f = wasm_encoder::Function::new([]);
        f.instructions().i32_const(7).end();
        code.function(&f);
        m.section(&code);
        let mut bytes = m.finish();
        let doc = serde_json::json!({ "module": module_hashes(&bytes).unwrap() });
        append_custom(&mut bytes, PROVENANCE_SECTION, &serde_json::to_vec(&doc).unwrap());
        wasmparser::validate(&bytes).unwrap();
        let ok = check_provenance(&bytes).unwrap();
        assert!(ok.mismatches().is_empty());
        assert_eq!(ok.hashes.len(), 2, "code and content");
        // `i32.const 7` becomes `i32.const 8`.
        let at = bytes.windows(2).position(|w| w == [0x41, 7]).unwrap();
        bytes[at + 1] = 8;
        let bad = check_provenance(&bytes).unwrap();
        let names: Vec<&str> = bad.mismatches().iter().map(|m| m.0.as_str()).collect();
        assert_eq!(names, vec!["code_sha256", "content_sha256"]);
        assert!(check_provenance(&bytes[..bytes.len() - 3]).is_err());
    }

    #[test]
    fn image_info_rejects_non_modules() {
        assert!(image_info(b"hello").unwrap_err().contains("bad magic"));
        let empty = wasm_encoder::Module::new().finish();
        assert!(image_info(&empty).unwrap_err().contains("no fastforth.image"));
    }

    /// A module with one function import and our image section.
    fn module_importing(module: &str, name: &str, params: &[wasm_encoder::ValType]) -> Vec<u8> {
        use wasm_encoder::{CustomSection, EntityType, ImportSection, TypeSection};
        let mut m = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        types.ty().function(params.iter().copied(), []);
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import(module, name, EntityType::Function(0));
        m.section(&imports);
        m.section(&CustomSection { name: IMAGE_SECTION.into(), data: b"{}".as_slice().into() });
        m.finish()
    }

    #[test]
    fn image_info_rejects_truncated_modules_and_foreign_imports() {
        use wasm_encoder::ValType::I32;
        let ours = module_importing("forth", "host", &[I32]);
        // Only the JSON is wrong here: the module itself is acceptable.
        assert!(image_info(&ours).unwrap_err().contains("section is malformed"), "{:?}", image_info(&ours));
        let cut = &ours[..ours.len() - 3];
        assert!(image_info(cut).unwrap_err().contains("not a valid WebAssembly module"));
        let wasi = module_importing("wasi_snapshot_preview1", "fd_write", &[I32]);
        let e = image_info(&wasi).unwrap_err();
        assert!(
            e.contains("imports wasi_snapshot_preview1.fd_write") && e.contains("outside the FastForth ABI"),
            "{e}"
        );
        let typed = module_importing("forth", "host", &[I32, I32]);
        assert!(image_info(&typed).unwrap_err().contains("outside the FastForth ABI"));
    }

    #[test]
    fn image_info_rejects_a_memory_unlike_the_stated_one() {
        use wasm_encoder::{CustomSection, MemorySection, MemoryType};
        let info = ImageInfo {
            format: 1,
            memory_bytes: 2 * runtime::PAGE,
            data_stack_cells: 64,
            return_stack_cells: 64,
            float_stack_floats: 64,
            entry: "MAIN".into(),
            entry_xt: 0,
            next_xt: 0,
            words: Vec::new(),
            word_lists: 0,
            order: Vec::new(),
            current: 0,
            substitutions: Vec::new(),
        };
        let json = serde_json::to_vec(&info).unwrap();
        let with_memory = |minimum: u64, maximum: Option<u64>| {
            let mut m = wasm_encoder::Module::new();
            let mut mems = MemorySection::new();
            mems.memory(MemoryType { minimum, maximum, memory64: false, shared: false, page_size_log2: None });
            m.section(&mems);
            m.section(&CustomSection { name: IMAGE_SECTION.into(), data: json.as_slice().into() });
            m.finish()
        };
        assert_eq!(image_info(&with_memory(2, Some(2))), Ok(info));
        for (min, max) in [(2, None), (2, Some(3)), (1, Some(1))] {
            let e = image_info(&with_memory(min, max)).unwrap_err();
            assert!(e.contains("its memory is not the fixed 131072 bytes"), "{e}");
        }
    }
}
