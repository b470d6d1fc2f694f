//! gforth 0.7.3's defining and compiling words that need the dictionary:
//! `ALIAS`, `DEFERS`, `COMPILE-ONLY` (`RESTRICT`), `LATEST`, `LATESTXT`
//! (`LASTXT`), `FIND-NAME`, `NAME>INT`, `NAME?INT`, `>NAME`, `ID.`,
//! `COMP'`, `[COMP']`, `(')`, `[(')]`, `NEXTNAME`, `NONAME`, `RECURSIVE`,
//! `REVEAL`, `INTERPRET/COMPILE:`, `]]` ... `[[`, and
//! `>DOES-CODE`, `DOES-CODE!` and `!DOES`.
//!
//! gforth's "does-code" is the address of the code after `DOES>`; here it is
//! the xt of that code (what a `DOES>` word executes after pushing its
//! body), so `>DOES-CODE` gives it for a word that `DOES>` has changed (0
//! otherwise) and `DOES-CODE!` and `!DOES` give it to a `CREATE`d word.
//!
//! Name tokens are those of `tools.rs` (a header's index plus one). gforth's
//! nt and xt are the same number; here they differ, so code that mixes
//! them up (`' foo id.`) gets an error instead of a name.
//!
//! `NEXTNAME` and `NONAME` set the name of the next defined word
//! ([`Forth::parse_def_name`]); every defining word takes it from there.
//!
//! Guarantee: an xt or nt that names no word is THROW -32 (or 0 from the
//! words whose stack effect allows it: `>NAME`, `FIND-NAME`), never a panic.

use crate::dictionary::{Header, Kind, WordId};
use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::ir::{Op, Xt};
use crate::kernel::{host_xt, prim_xt};
use crate::machine::{Fault, Machine, MachineExt};
use crate::primitives::Prim;
use runtime::throw;

impl Forth {
    /// The name for a defining word: the one `NEXTNAME` or `NONAME` left, or
    /// else the next name in the input stream.
    pub(crate) fn parse_def_name(&mut self, m: &mut dyn Machine) -> Result<String, Fault> {
        match self.gforth.next_name.take() {
            Some(name) => Ok(name),
            None => self.parse_word_name(m),
        }
    }

    /// Runs one of gforth's defining and compiling words.
    pub(crate) fn run_gforth_defining(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Alias => {
                let xt = self.pop(m)? as Xt;
                let Some(old) = self.dict.by_xt(xt).cloned() else {
                    return Err(self.fail(throw::INVALID_NAME, format!("ALIAS needs an execution token, not {xt}")));
                };
                let name = self.parse_def_name(m)?;
                let id = self.dict.add(Header {
                    name,
                    xt,
                    immediate: false,
                    compile_only: false,
                    hidden: false,
                    kind: old.kind,
                });
                self.latest = Some(id);
                Ok(())
            }
            Defers => {
                let (_, _, kind) = self.find_parsed(m)?;
                let Kind::Defer { body } = kind else {
                    return Err(self.fail(throw::INVALID_NAME, "DEFERS needs a DEFERred word"));
                };
                let target = m.read_cell(body)? as Xt;
                self.compile_xt(m, target)
            }
            CompileOnly | Restrict => {
                if let Some(id) = self.latest {
                    self.dict.get_mut(id).compile_only = true;
                }
                Ok(())
            }
            Latest => {
                let nt = self.latest.filter(|&id| !self.dict.get(id).name.is_empty()).map_or(0, nt_of);
                self.push(m, nt)
            }
            LatestXt | LastXt => {
                let xt = self.latest.map_or(0, |id| self.dict.get(id).xt as i32);
                self.push(m, xt)
            }
            FindName => {
                let (_, name) = self.pop_text(m)?;
                let nt = self.dict.find_id(&String::from_utf8_lossy(&name)).map_or(0, nt_of);
                self.push(m, nt)
            }
            NameToInt | NameQInt => {
                let id = self.pop_nt(m)?;
                let hdr = self.dict.get(id);
                if h == NameQInt && hdr.compile_only {
                    return Err(self.fail(throw::COMPILE_ONLY, format!("{} has no interpretation semantics", hdr.name)));
                }
                let xt = hdr.xt as i32;
                self.push(m, xt)
            }
            ToName => {
                let xt = self.pop(m)? as Xt;
                let nt = self.dict.id_by_xt(xt).filter(|&id| !self.dict.get(id).name.is_empty()).map_or(0, nt_of);
                self.push(m, nt)
            }
            BodyFrom => {
                // The newest word with that data field, as >BODY's inverse.
                let a = self.pop(m)? as u32;
                let found = (0..self.dict.len()).rev().map(|id| self.dict.get(id)).find(|h| h.kind.body() == Some(a));
                match found {
                    Some(h) => {
                        let xt = h.xt;
                        self.push(m, xt as i32)
                    }
                    None => {
                        Err(self.fail(throw::BODY_OF_NON_CREATE, "BODY> of an address that is no word's data field"))
                    }
                }
            }
            IdDot => {
                let id = self.pop_nt(m)?;
                let text = format!("{} ", self.dict.get(id).name);
                m.output(text.as_bytes());
                Ok(())
            }
            CompTick | BracketCompTick => {
                let (xt, immediate, kind) = self.find_parsed(m)?;
                let (w, how) = compilation_semantics(xt, immediate, &kind);
                if h == CompTick {
                    self.push(m, w as i32)?;
                    self.push(m, how as i32)
                } else {
                    self.compile_op(Op::Lit(w as i32))?;
                    self.compile_op(Op::Lit(how as i32))
                }
            }
            ParenTick | BracketParenTick => {
                let name = self.parse_word_name(m)?;
                let Some(id) = self.dict.find_id(&name) else {
                    return Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {name}")));
                };
                if h == ParenTick {
                    self.push(m, nt_of(id))
                } else {
                    self.compile_op(Op::Lit(nt_of(id)))
                }
            }
            NextNameWord => {
                let (_, name) = self.pop_text(m)?;
                if name.len() > 255 {
                    return Err(self.fail(throw::NAME_TOO_LONG, "names are at most 255 characters"));
                }
                self.gforth.next_name = Some(String::from_utf8_lossy(&name).into_owned());
                Ok(())
            }
            NoName => {
                self.gforth.next_name = Some(String::new());
                Ok(())
            }
            Recursive | Reveal => {
                let id = match (&self.current, h) {
                    (Some(cur), _) => Some(cur.header),
                    (None, Reveal) => self.latest,
                    (None, _) => return Err(self.fail(throw::COMPILE_ONLY, "RECURSIVE outside a definition")),
                };
                if let Some(id) = id {
                    self.dict.get_mut(id).hidden = false;
                }
                Ok(())
            }
            InterpretCompile => {
                let comp = self.pop(m)? as Xt;
                let int = self.pop(m)? as Xt;
                for xt in [int, comp] {
                    if self.dict.by_xt(xt).is_none() {
                        return Err(self.fail(throw::INVALID_NAME, format!("{xt} is not an execution token")));
                    }
                }
                let name = self.parse_def_name(m)?;
                let kind = Kind::InterpCompile { comp };
                let header = Header { name, xt: int, immediate: true, compile_only: false, hidden: false, kind };
                let id = self.dict.add(header);
                self.latest = Some(id);
                Ok(())
            }
            PostponeMode => self.postpone_until_brackets(m),
            ToDoesCode => {
                let xt = self.pop(m)? as Xt;
                let does = match self.dict.by_xt(xt).map(|hdr| &hdr.kind) {
                    Some(Kind::Does { .. }) => m.read_cell(runtime::addr::XT_INFO + 8 * xt + 4)?,
                    _ => 0,
                };
                self.push(m, does)
            }
            DoesCodeStore | StoreDoes => {
                let id = if h == DoesCodeStore {
                    let xt = self.pop(m)? as Xt;
                    self.dict.id_by_xt(xt)
                } else {
                    self.latest
                };
                let does = self.pop(m)? as Xt;
                if self.dict.by_xt(does).is_none() {
                    return Err(self.fail(throw::INVALID_NAME, format!("{does} is not an execution token")));
                }
                match id {
                    Some(id) => self.set_does_code(m, id, does, h.name()),
                    None => {
                        Err(self.fail(throw::BODY_OF_NON_CREATE, format!("{} needs a word made by CREATE", h.name())))
                    }
                }
            }
            _ => unreachable!("not a gforth defining word: {}", h.name()),
        }
    }
}

impl Forth {
    /// gforth's `]]`: postpones every word up to `[[`, across lines of a
    /// file; a number compiles code that compiles it as a literal.
    fn postpone_until_brackets(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        loop {
            let (_, tok) = self.parse_name(m)?;
            if tok.is_empty() {
                let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
                if is_file && self.refill_file(m)? {
                    continue;
                }
                return Err(self.fail(throw::CONTROL_MISMATCH, "]] needs a closing [["));
            }
            if tok == b"[[" {
                return Ok(());
            }
            let name = String::from_utf8_lossy(&tok).into_owned();
            if let Some(hdr) = self.dict.find(&name) {
                let (xt, immediate, kind) = (hdr.xt, hdr.immediate, hdr.kind.clone());
                self.postpone_word(m, xt, immediate, &kind)?;
                continue;
            }
            let base = m.read_cell(runtime::addr::BASE)? as u32;
            match crate::number::parse(&tok, base) {
                Some(crate::number::Number::Single(n)) => {
                    self.compile_op(Op::Lit(n))?;
                    self.compile_op(Op::Call(host_xt(HostWord::Literal)))?;
                }
                _ => return Err(self.fail(throw::UNDEFINED_WORD, format!("undefined word {name} after ]]"))),
            }
        }
    }
}

/// The name token of a header.
fn nt_of(id: WordId) -> i32 {
    id as i32 + 1
}

/// A word's compilation semantics as gforth's `COMP'` gives them: the xt to
/// `EXECUTE` for an immediate word, else the xt to `COMPILE,`.
fn compilation_semantics(xt: Xt, immediate: bool, kind: &Kind) -> (Xt, Xt) {
    match *kind {
        Kind::InterpCompile { comp } => (comp, prim_xt(Prim::Execute)),
        _ if immediate => (xt, prim_xt(Prim::Execute)),
        _ => (xt, host_xt(HostWord::CompileComma)),
    }
}
