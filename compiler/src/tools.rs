//! The PROGRAMMING-TOOLS word set (the part the host implements):
//! conditional compilation, `N>R`/`NR>`, `SYNONYM`, name tokens,
//! `TRAVERSE-WORDLIST`, `DUMP` and `SEE`.
//!
//! A name token (*nt*) is the index of a header plus one, so no nt is zero.
//! `NAME>STRING` copies the name into the names region of the memory map the
//! first time it is asked for; later calls give the same address.
//! `NAME>INTERPRET` gives 0 for the compile-only words (`IF`, `EXIT`, …),
//! whose interpretation semantics are undefined. `TRAVERSE-WORDLIST` visits
//! every visible header of the word list, newest first, shadowed ones too.
//! A `SYNONYM` shares the xt, immediacy and compile-only flag of its word.
//!
//! Output formats (ours; gforth's differ):
//! - `DUMP` prints one line per 16 bytes: the address in hex (8 digits),
//!   the bytes in hex, then the bytes as characters (`.` for non-graphic).
//! - `SEE` prints a colon definition's source text as it was compiled (from
//!   `:` to `;`, then ` IMMEDIATE` if it is), or, for a definition without
//!   recorded text, a decompilation of its IR; other words get one line:
//!   `5 CONSTANT X`, `VARIABLE V`, `CREATE C`, `DEFER D`, `VALUE V`,
//!   `MARKER M`, and for words of the system `\ DUP ( x -- x x ) Duplicate
//!   the top item. [primitive]` (or `[host word]`, with `immediate` and
//!   `compile-only` when they apply).
//!
//! Guarantee: bad name tokens and word lists are THROW -32 (invalid name
//! argument); nothing here panics on user input.

use crate::dictionary::{Kind, WordId};
use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::ir::{Function, Op, Term, Xt};
use crate::kernel::host_xt;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::{addr, throw};

/// What a skipped section of `[IF]` ... `[THEN]` ends at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SkipTo {
    /// `[ELSE]` or `[THEN]` (after a false `[IF]`).
    ElseOrThen,
    /// `[THEN]` only (after an `[ELSE]` reached while interpreting).
    Then,
}

/// A conditional section being skipped: what ends it, and how many nested
/// `[IF]`s are open inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Skip {
    to: SkipTo,
    depth: usize,
}

impl Forth {
    /// Runs a word of the PROGRAMMING-TOOLS word set.
    pub(crate) fn run_tools(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            BracketIf => match self.pop(m)? {
                0 => self.skip_section(m, Skip { to: SkipTo::ElseOrThen, depth: 0 }),
                _ => Ok(()),
            },
            BracketElse => self.skip_section(m, Skip { to: SkipTo::Then, depth: 0 }),
            BracketThen => Ok(()),
            BracketDefined | BracketUndefined => {
                let name = self.parse_word_name(m)?;
                let found = self.dict.find(&name).is_some();
                self.push(m, if found == (h == BracketDefined) { -1 } else { 0 })
            }
            NToR => self.n_to_r(m),
            NRFrom => self.n_r_from(m),
            Synonym => {
                let new = self.parse_def_name(m)?;
                let old = self.parse_word_name(m)?;
                let Some(hdr) = self.dict.find(&old).cloned() else {
                    return Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {old}")));
                };
                let id = self.dict.add(crate::dictionary::Header { name: new, hidden: false, ..hdr });
                self.latest = Some(id);
                Ok(())
            }
            NameToString => {
                let id = self.pop_nt(m)?;
                let (a, len) = self.name_in_memory(m, id)?;
                self.push(m, a as i32)?;
                self.push(m, len as i32)
            }
            NameToInterpret => {
                let id = self.pop_nt(m)?;
                let hdr = self.dict.get(id);
                let xt = if hdr.compile_only { 0 } else { hdr.xt as i32 };
                self.push(m, xt)
            }
            NameToCompile => {
                let id = self.pop_nt(m)?;
                let hdr = self.dict.get(id);
                let (xt, immediate) = match hdr.kind {
                    Kind::InterpCompile { comp } => (comp, true),
                    _ => (hdr.xt, hdr.immediate),
                };
                self.push(m, xt as i32)?;
                let how = if immediate {
                    crate::kernel::prim_xt(crate::primitives::Prim::Execute)
                } else {
                    host_xt(CompileComma)
                };
                self.push(m, how as i32)
            }
            TraverseWordlist => {
                let wl = self.pop_wid(m)?;
                let xt = self.pop(m)? as Xt;
                for id in self.dict.words_of(wl) {
                    if !self.dict.contains(id) {
                        break;
                    }
                    self.push(m, id as i32 + 1)?;
                    self.execute(m, xt)?;
                    if self.pop(m)? == 0 {
                        break;
                    }
                }
                Ok(())
            }
            Dump => {
                let u = self.pop(m)?;
                let a = self.pop(m)? as u32;
                let bytes = m.read_vec(a, u.max(0) as u32)?;
                self.display(m, dump_text(a, &bytes).as_bytes())
            }
            See => {
                let name = self.parse_word_name(m)?;
                let Some(id) = self.dict.find_id(&name) else {
                    return Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {name}")));
                };
                let text = self.see_text(m, id)?;
                self.display(m, text.as_bytes())
            }
            _ => Err(Fault::Host(format!("internal error: {} is not a tools word", h.name()))),
        }
    }

    /// Skips words up to the end of a conditional section, honouring
    /// nested `[IF]`s. Files and blocks are refilled as needed; at the end
    /// of an interactive line the skip goes on with the next line
    /// ([`Forth::resume_skip`]); at the end of any other input the section
    /// simply ends, as in gforth.
    fn skip_section(&mut self, m: &mut dyn Machine, mut skip: Skip) -> Result<(), Fault> {
        loop {
            let (_, tok) = self.parse_name(m)?;
            if tok.is_empty() {
                match self.inputs.last().map(|i| &i.kind) {
                    Some(SourceKind::Line { .. }) => {
                        self.pending_skip = Some(skip);
                        return Ok(());
                    }
                    Some(SourceKind::File { .. } | SourceKind::Block { .. }) => {}
                    _ => return Ok(()),
                }
                if self.refill(m)? {
                    continue;
                }
                return Ok(());
            }
            let word = tok.to_ascii_uppercase();
            match word.as_slice() {
                // gforth's [IFDEF], [IFUNDEF] and [ENDIF] nest like [IF]
                // and [THEN].
                b"[IF]" | b"[IFDEF]" | b"[IFUNDEF]" => skip.depth += 1,
                b"[ELSE]" if skip.depth == 0 && skip.to == SkipTo::ElseOrThen => return Ok(()),
                b"[THEN]" | b"[ENDIF]" if skip.depth == 0 => return Ok(()),
                b"[THEN]" | b"[ENDIF]" => skip.depth -= 1,
                _ => {}
            }
        }
    }

    /// Goes on skipping a conditional section left open by the previous
    /// interactive line.
    pub(crate) fn resume_skip(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        match self.pending_skip.take() {
            Some(skip) => self.skip_section(m, skip),
            None => Ok(()),
        }
    }

    /// `N>R`: moves n items, then n, to the return stack (in memory).
    fn n_to_r(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let n = self.pop(m)?;
        let depth = self.data_stack(m).len();
        if n < 0 || n as usize > depth {
            return Err(Fault::Throw(throw::STACK_UNDERFLOW));
        }
        let rp = m.rp();
        let need = 4 * (n as u32 + 1);
        if rp < self.cfg.layout.rs_limit() + need {
            return Err(Fault::Throw(throw::RSTACK_OVERFLOW));
        }
        // x1 ... xn n: xn is the top of the data stack; the return stack
        // gets x1 first and n last, so NR> can pop them in reverse.
        let mut items = Vec::with_capacity(n as usize);
        for _ in 0..n {
            items.push(self.pop(m)?);
        }
        let mut r = rp;
        for v in items.iter().rev().copied().chain([n]) {
            r -= 4;
            m.write_cell(r, v)?;
        }
        m.set_rp(r);
        Ok(())
    }

    /// `NR>`: the inverse of `N>R`.
    fn n_r_from(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let rp = m.rp();
        let base = self.cfg.layout.rs_base();
        if rp + 4 > base {
            return Err(Fault::Throw(throw::RSTACK_UNDERFLOW));
        }
        let n = m.read_cell(rp)?;
        if n < 0 || rp + 4 * (n as u32 + 1) > base {
            return Err(Fault::Throw(throw::RSTACK_UNDERFLOW));
        }
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n as u32 {
            items.push(m.read_cell(rp + 4 + 4 * i)?);
        }
        m.set_rp(rp + 4 * (n as u32 + 1));
        for v in items.into_iter().rev() {
            self.push(m, v)?;
        }
        self.push(m, n)
    }

    /// Pops a name token and checks it.
    pub(crate) fn pop_nt(&mut self, m: &mut dyn Machine) -> Result<WordId, Fault> {
        let v = self.pop(m)?;
        match usize::try_from(v).ok().and_then(|v| v.checked_sub(1)) {
            Some(id) if self.dict.contains(id) && !self.dict.get(id).name.is_empty() => Ok(id),
            _ => Err(self.fail(throw::INVALID_NAME, format!("{v} is not a name token"))),
        }
    }

    /// The address and length of a header's name in linear memory, copied
    /// into the names region on first use.
    fn name_in_memory(&mut self, m: &mut dyn Machine, id: WordId) -> Result<(u32, u32), Fault> {
        let xt = self.dict.get(id).xt;
        let name = self.dict.get(id).name.clone();
        if let Some(&a) = self.names_copied.get(&(id, xt)) {
            return Ok((a, name.len() as u32));
        }
        let a = self.copy_to_names_region(m, name.as_bytes())?;
        self.names_copied.insert((id, xt), a);
        Ok((a, name.len() as u32))
    }

    /// Copies text that must stay put (names, file names) into the names
    /// region of the memory map; returns its address.
    pub(crate) fn copy_to_names_region(&mut self, m: &mut dyn Machine, text: &[u8]) -> Result<u32, Fault> {
        let a = addr::NAMES + self.names_used;
        if self.names_used + text.len() as u32 > addr::NAMES_LEN {
            return Err(self.fail(throw::DICTIONARY_OVERFLOW, "the names region of NAME>STRING is full"));
        }
        m.write(a, text)?;
        self.names_used += text.len() as u32;
        Ok(a)
    }

    /// What `SEE` prints for a header.
    fn see_text(&mut self, m: &mut dyn Machine, id: WordId) -> Result<String, Fault> {
        let hdr = self.dict.get(id).clone();
        let imm = if hdr.immediate { " IMMEDIATE" } else { "" };
        let text = match hdr.kind {
            Kind::Prim(p) => format!("\\ {} {} [primitive]", p.name(), p.doc()),
            Kind::Host(hw) => {
                let mut tags = vec!["host word"];
                if hdr.immediate {
                    tags.push("immediate");
                }
                if hdr.compile_only {
                    tags.push("compile-only");
                }
                format!("\\ {} {} [{}]", hw.name(), hw.doc(), tags.join(", "))
            }
            Kind::Colon | Kind::Does { .. } if self.see_sources.contains_key(&hdr.xt) => {
                format!("{}{imm}", self.see_sources[&hdr.xt])
            }
            Kind::Colon => {
                let func =
                    self.pipeline.compiled.iter().chain(&self.pipeline.pending).find(|f| f.xt == hdr.xt).cloned();
                match func {
                    Some(f) => format!("{}{imm}", self.decompile(&f)),
                    None => format!(": {} ( no source or code recorded ) ;{imm}", hdr.name),
                }
            }
            Kind::Constant { value } => format!("{value} CONSTANT {}", hdr.name),
            Kind::Value { body } => format!("{} VALUE {}", m.read_cell(body)?, hdr.name),
            Kind::TwoValue { body } => {
                format!("{} {} 2VALUE {}", m.read_cell(body + 4)?, m.read_cell(body)?, hdr.name)
            }
            Kind::Variable { .. } => format!("VARIABLE {}", hdr.name),
            Kind::FConstant { body } | Kind::FValue { body } => {
                let mut b = [0u8; 8];
                m.read(body, &mut b)?;
                let word = if matches!(hdr.kind, Kind::FConstant { .. }) { "FCONSTANT" } else { "FVALUE" };
                format!("{:e} {word} {}", f64::from_le_bytes(b), hdr.name)
            }
            Kind::Created { .. } | Kind::Does { .. } => format!("CREATE {}", hdr.name),
            Kind::Defer { body } => {
                let target = m.read_cell(body)? as Xt;
                match self.dict.by_xt(target).filter(|t| !t.name.is_empty()) {
                    Some(t) => format!("DEFER {}  ' {} IS {}", hdr.name, t.name, hdr.name),
                    None => format!("DEFER {}", hdr.name),
                }
            }
            Kind::Marker { .. } => format!("MARKER {}", hdr.name),
            Kind::InterpCompile { comp } => {
                let name = |xt: Xt| self.dict.by_xt(xt).map_or_else(|| xt.to_string(), |h| h.name.clone());
                format!("' {} ' {} INTERPRET/COMPILE: {}", name(hdr.xt), name(comp), hdr.name)
            }
        };
        Ok(text + "\n")
    }

    /// A definition's IR as Forth-like text: each block on its own line,
    /// labelled, with branches spelled out.
    fn decompile(&self, f: &Function) -> String {
        let word = |xt: Xt| match self.dict.by_xt(xt) {
            Some(h) if !h.name.is_empty() => h.name.clone(),
            _ => format!("<xt {xt}>"),
        };
        let mut out = format!(": {}", f.name);
        for (i, b) in f.blocks.iter().enumerate() {
            out.push_str(&format!("\n  b{i}:"));
            for op in &b.ops {
                let s = match op {
                    Op::Lit(n) => n.to_string(),
                    Op::Prim(p) => p.name().to_string(),
                    Op::Call(xt) => word(*xt),
                    Op::FetchLit(a) => format!("[{a:#x}] @"),
                    Op::StoreLit(a) => format!("[{a:#x}] !"),
                    Op::DoInit(l) => format!("do(L{})", l.0),
                    Op::LoopIndex(l) => format!("index(L{})", l.0),
                    Op::LoopLimit(l) => format!("limit(L{})", l.0),
                    Op::LocalGet(l) => format!("local{}", l.0),
                    Op::LocalSet(l) => format!("TO local{}", l.0),
                    Op::Popcount => "popcount".to_string(),
                    Op::Select => "select".to_string(),
                    Op::DivU(p) => format!("{}(unsigned)", p.name()),
                    Op::AtOffset(p, offset) => format!("{}(+{offset:#x})", p.name()),
                    Op::Vector(v) => format!("vector(L{})", v.lp.0),
                };
                out.push(' ');
                out.push_str(&s);
            }
            let t = match &b.term {
                Term::Jump(t) if t.index() == i + 1 => String::new(),
                Term::Jump(t) => format!("branch {t}"),
                Term::Branch { nonzero, zero } => format!("?branch {zero} (else {nonzero})"),
                Term::QDo { lp, body, exit } => format!("?do(L{}) {body} exit {exit}", lp.0),
                Term::Loop { lp, plus, body, exit } => {
                    format!("{}(L{}) {body} exit {exit}", if *plus { "+loop" } else { "loop" }, lp.0)
                }
                Term::Return => "exit".into(),
            };
            if !t.is_empty() {
                out.push(' ');
                out.push_str(&t);
            }
        }
        out.push_str(" ;");
        out
    }
}

/// `DUMP`'s text: 16 bytes a line, address, hex bytes, then characters.
pub(crate) fn dump_text(start: u32, bytes: &[u8]) -> String {
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(16).enumerate() {
        out.push_str(&format!("{:08X}:", start.wrapping_add(16 * i as u32)));
        for j in 0..16 {
            match chunk.get(j) {
                Some(b) => out.push_str(&format!(" {b:02X}")),
                None => out.push_str("   "),
            }
        }
        out.push_str("  ");
        out.extend(chunk.iter().map(|&c| if c.is_ascii_graphic() || c == b' ' { c as char } else { '.' }));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decompiling_names_words_and_spells_out_branches() {
        use crate::ir::{Block, BlockId};
        use crate::primitives::Prim;
        let mut f = Forth::new(crate::Config::default());
        f.register_builtins();
        let func = Function {
            xt: 9999,
            name: "ABS2".into(),
            blocks: vec![
                Block {
                    ops: vec![Op::Prim(Prim::Dup), Op::Lit(0), Op::Prim(Prim::Lt)],
                    term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                },
                Block { ops: vec![Op::Call(host_xt(HostWord::Type))], term: Term::Jump(BlockId(2)) },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        assert_eq!(f.decompile(&func), ": ABS2\n  b0: DUP 0 < ?branch b2 (else b1)\n  b1: TYPE\n  b2: exit ;");
    }

    #[test]
    fn decompiling_shows_locals() {
        use crate::ir::{Block, LocalId};
        use crate::primitives::Prim;
        let mut f = Forth::new(crate::Config::default());
        f.register_builtins();
        let func = Function {
            xt: 9998,
            name: "SQ".into(),
            blocks: vec![Block {
                ops: vec![
                    Op::LocalSet(LocalId(0)),
                    Op::LocalGet(LocalId(0)),
                    Op::LocalGet(LocalId(0)),
                    Op::Prim(Prim::Mul),
                ],
                term: Term::Return,
            }],
            n_loops: 0,
            n_locals: 1,
        };
        assert_eq!(f.decompile(&func), ": SQ\n  b0: TO local0 local0 local0 * exit ;");
    }

    #[test]
    fn dump_shows_hex_and_characters() {
        let text = dump_text(0x10, b"Forth\x00 is fun!!\x7f\x01");
        assert_eq!(
            text,
            "00000010: 46 6F 72 74 68 00 20 69 73 20 66 75 6E 21 21 7F  Forth. is fun!!.\n\
             00000020: 01                                               .\n"
        );
    }
}
