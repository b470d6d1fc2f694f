//! The LOCALS word set: `{: ... :}`, `(LOCAL)` and `LOCALS|`, and gforth's
//! `{ ... }` ([`gforth`]).
//!
//! A value local is a slot of the definition being compiled
//! ([`crate::ir::LocalId`]), which the emitter turns into a wasm local, so
//! locals cost what stack items in locals cost and every activation
//! (`RECURSE`) has its own; [`scope`] says how each type is stored. While
//! a definition is compiled its visible locals are found before any
//! dictionary word or number; `TO name` stores into one. They end with the
//! definition, with `DOES>` (which starts the code of another function),
//! and where gforth's scoping rules end them.
//!
//! Initialization: `{: a b :}` and `{ a b }` give `a` the deeper item, as
//! the standard's `{:` says; `(LOCAL)` and `LOCALS|` give the first name
//! the top item.
//!
//! Guarantee: declaring locals outside a definition, or a declaration
//! without its end, is an error with a THROW code, never a panic.

mod gforth;
pub(crate) mod scope;

use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::ir::Op;
use crate::machine::{Fault, Machine, MachineExt};
use crate::primitives::Prim;
use runtime::throw;
use scope::{Access, Kind};

/// The most locals one definition may declare (`#LOCALS`), counted in
/// cells of storage (a double or a float counts two).
pub const MAX_LOCALS: u32 = 256;

impl Forth {
    /// The next name of a declaration that began at `start` with `word`,
    /// refilling from a file if the line ends first; a missing `end` is an
    /// error that points at the declaration.
    fn next_local_name(
        &mut self,
        m: &mut dyn Machine,
        start: Option<crate::error::Location>,
        word: &str,
        end: &str,
    ) -> Result<String, Fault> {
        loop {
            let (_, tok) = self.parse_name(m)?;
            if !tok.is_empty() {
                return Ok(String::from_utf8_lossy(&tok).into_owned());
            }
            if self.refill_declaration(m)? {
                continue;
            }
            return Err(self.unterminated(start, word, end));
        }
    }

    /// Reads the next line of a file for a declaration that goes on; false
    /// at the end of the file or of any other input source.
    fn refill_declaration(&mut self, m: &mut dyn Machine) -> Result<bool, Fault> {
        let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
        Ok(is_file && self.refill_file(m)?)
    }

    /// The fault of a declaration that input ended inside; it points at
    /// where the declaration began, not where input ran out.
    fn unterminated(&mut self, start: Option<crate::error::Location>, word: &str, end: &str) -> Fault {
        self.detail = Some(crate::interpreter::Detail {
            location: start,
            word: Some(word.to_string()),
            message: Some(format!("unterminated declaration: {word} needs a closing {end}")),
            hide_code: false,
        });
        Fault::Throw(throw::UNEXPECTED_EOF)
    }

    /// The names up to `end`.
    fn parse_local_names(&mut self, m: &mut dyn Machine, end: &str, word: &str) -> Result<Vec<String>, Fault> {
        let start = self.location();
        let mut names = Vec::new();
        loop {
            let name = self.next_local_name(m, start.clone(), word, end)?;
            if name.eq_ignore_ascii_case(end) {
                return Ok(names);
            }
            names.push(name);
        }
    }

    /// Fails if `more` cells of locals would pass [`MAX_LOCALS`].
    fn check_room(&mut self, more: u32) -> Result<(), Fault> {
        let have = self.current.as_ref().map_or(0, |c| c.def.func.n_locals + c.def.frame_size().div_ceil(4));
        if u64::from(have) + u64::from(more) > u64::from(MAX_LOCALS) {
            return Err(self.fail(throw::UNSUPPORTED, format!("too many locals (the limit is {MAX_LOCALS})")));
        }
        Ok(())
    }

    fn check_in_definition(&mut self, word: &str) -> Result<(), Fault> {
        if self.current.is_none() {
            return Err(self.fail(throw::COMPILE_ONLY, format!("{word} outside a definition")));
        }
        Ok(())
    }

    /// Declares `names` and compiles their initialization from the stack:
    /// the first name takes the top item.
    fn declare_from_top(&mut self, names: &[String]) -> Result<(), Fault> {
        self.check_room(names.len() as u32)?;
        let ids: Vec<_> = {
            let def = &mut self.current.as_mut().expect("checked by the caller").def;
            names.iter().map(|n| def.declare_local(n)).collect()
        };
        for id in ids {
            self.compile_op(Op::LocalSet(id))?;
        }
        Ok(())
    }

    /// Compiles what a local's name does: push its value (on the float
    /// stack for a float), or the address of its storage.
    pub(crate) fn compile_local_fetch(&mut self, local: Access) -> Result<(), Fault> {
        match local {
            Access::Cell(id) | Access::Char(id) => self.compile_op(Op::LocalGet(id)),
            Access::Double(lo, hi) => {
                self.compile_op(Op::LocalGet(lo))?;
                self.compile_op(Op::LocalGet(hi))
            }
            Access::Float(lo, hi) => {
                self.compile_op(Op::LocalGet(lo))?;
                self.compile_op(Op::LocalGet(hi))?;
                self.compile_op(Op::Prim(Prim::FLit))
            }
            Access::Addr { base, offset, .. } => {
                self.compile_op(Op::LocalGet(base))?;
                if offset != 0 {
                    self.compile_op(Op::Lit(offset as i32))?;
                    self.compile_op(Op::Prim(Prim::Add))?;
                }
                Ok(())
            }
        }
    }

    /// Compiles taking a local's value from the stacks: its initialization,
    /// and `TO` for the value locals.
    fn compile_local_init(&mut self, local: Access) -> Result<(), Fault> {
        match local {
            Access::Cell(id) => self.compile_op(Op::LocalSet(id)),
            Access::Char(id) => {
                self.compile_op(Op::Lit(0xff))?;
                self.compile_op(Op::Prim(Prim::And))?;
                self.compile_op(Op::LocalSet(id))
            }
            Access::Double(lo, hi) => {
                self.compile_op(Op::LocalSet(hi))?;
                self.compile_op(Op::LocalSet(lo))
            }
            Access::Float(lo, hi) => {
                self.compile_op(Op::Prim(Prim::FBits))?;
                self.compile_op(Op::LocalSet(hi))?;
                self.compile_op(Op::LocalSet(lo))
            }
            Access::Addr { kind, .. } => {
                self.compile_local_fetch(local)?;
                let store = match kind {
                    Kind::Cell => Prim::Store,
                    Kind::Double => Prim::TwoStore,
                    Kind::Float => Prim::FStore,
                    Kind::Char => Prim::CStore,
                };
                self.compile_op(Op::Prim(store))
            }
        }
    }

    /// Compiles `TO name` for the local `name`.
    pub(crate) fn compile_local_store(&mut self, local: Access, name: &str) -> Result<(), Fault> {
        if let Access::Addr { .. } = local {
            // gforth refuses it the same way: the name stands for an
            // address, which cannot change; store through it instead.
            let msg = format!("{name} is an address local: store through its address instead of TO");
            return Err(self.fail(throw::INVALID_NAME, msg));
        }
        self.compile_local_init(local)
    }

    /// `{: args [| vals] [-- outs] :}`.
    pub(crate) fn brace_locals(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        self.check_in_definition("{:")?;
        let all = self.parse_local_names(m, ":}", "{:")?;
        let outs = all.iter().position(|n| n == "--").unwrap_or(all.len());
        let names = &all[..outs];
        let bar = names.iter().position(|n| n == "|").unwrap_or(names.len());
        let (args, vals) = (&names[..bar], names.get(bar + 1..).unwrap_or(&[]));
        if let Some(bad) = vals.iter().find(|n| *n == "|") {
            return Err(self.fail(throw::INVALID_NAME, format!("{bad} twice in a locals declaration")));
        }
        self.check_room((args.len() + vals.len()) as u32)?;
        let reversed: Vec<String> = args.iter().rev().cloned().collect();
        self.declare_from_top(&reversed)?;
        let def = &mut self.current.as_mut().expect("checked above").def;
        for v in vals {
            def.declare_local(v);
        }
        Ok(())
    }

    /// `(LOCAL)`: collects names until one of length zero ends the list.
    pub(crate) fn paren_local(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let u = self.pop(m)?;
        let a = self.pop(m)? as u32;
        self.check_in_definition("(LOCAL)")?;
        if u != 0 {
            if !(1..=255).contains(&u) {
                return Err(self.fail(throw::NAME_TOO_LONG, "a local's name is 1 to 255 characters"));
            }
            let name = String::from_utf8_lossy(&m.read_vec(a, u as u32)?).into_owned();
            self.current.as_mut().expect("checked above").def.pending_locals.push(name);
            return Ok(());
        }
        let names = std::mem::take(&mut self.current.as_mut().expect("checked above").def.pending_locals);
        self.declare_from_top(&names)
    }

    /// `LOCALS| a b |`.
    pub(crate) fn locals_bar(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        self.check_in_definition("LOCALS|")?;
        let names = self.parse_local_names(m, "|", "LOCALS|")?;
        self.declare_from_top(&names)
    }
}

#[cfg(test)]
mod tests {
    use crate::definition::Definition;
    use crate::ir::Op;
    use crate::passes::effects::{infer, Effect, Known};
    use crate::primitives::Prim;

    /// `: T {: a b :} a a * 0 ?DO I b + TO b LOOP b ;` keeps its locals in wasm locals:
    /// its effect is static, so it gets the register convention, and the
    /// module validates with and without optimization.
    #[test]
    fn words_with_locals_are_static_and_validate() {
        let mut d = Definition::new(crate::kernel::first_user_xt(), "T".into());
        let b = d.declare_local("b");
        let a = d.declare_local("a");
        d.op(Op::LocalSet(b));
        d.op(Op::LocalSet(a));
        for l in [a, a] {
            d.op(Op::LocalGet(l));
        }
        d.op(Op::Prim(Prim::Mul));
        d.op(Op::Lit(0));
        d.do_(true);
        d.loop_index(0, "I").unwrap();
        d.op(Op::LocalGet(b));
        d.op(Op::Prim(Prim::Add));
        d.op(Op::LocalSet(b));
        d.loop_(false).unwrap();
        d.op(Op::LocalGet(b));
        let f = d.finish();
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(2, 1)));
        for optimize in [false, true] {
            let mut known = Known::new();
            let bytes = crate::emit::batch_module(
                runtime::Layout::default(),
                std::slice::from_ref(&f),
                &|_| false,
                &mut known,
                &Known::new(),
                optimize,
            )
            .unwrap();
            wasmparser::validate(&bytes).unwrap();
        }
    }
}
