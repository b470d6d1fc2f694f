//! The LOCALS word set: `{: ... :}`, `(LOCAL)` and `LOCALS|`.
//!
//! A local is a slot of the definition being compiled ([`crate::ir::LocalId`]),
//! which the emitter turns into a wasm local, so locals cost what stack
//! items in locals cost and every activation (`RECURSE`) has its own. While
//! a definition is compiled its locals are found before any dictionary word
//! or number; `TO name` stores into one. They end with the definition, and
//! with `DOES>`, which starts the code of another function.
//!
//! Initialization: `{: a b :}` gives `a` the deeper item, as the standard's
//! `{:` says; `(LOCAL)` and `LOCALS|` give the first name the top item.
//!
//! Guarantee: declaring locals outside a definition, or a `{:` without its
//! `:}`, is an error with a THROW code, never a panic.

use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::ir::Op;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::throw;

/// The most locals one definition may declare (`#LOCALS`).
pub const MAX_LOCALS: u32 = 256;

impl Forth {
    /// The names up to `end`, refilling from a file if the line ends first.
    fn parse_local_names(&mut self, m: &mut dyn Machine, end: &str, word: &str) -> Result<Vec<String>, Fault> {
        let start = self.location();
        let mut names = Vec::new();
        loop {
            let (_, tok) = self.parse_name(m)?;
            if tok.is_empty() {
                let is_file = matches!(self.inputs.last().map(|i| &i.kind), Some(SourceKind::File { .. }));
                if is_file && self.refill_file(m)? {
                    continue;
                }
                // Report where the declaration began, not where input ran out.
                self.detail = Some(crate::interpreter::Detail {
                    location: start,
                    word: Some(word.to_string()),
                    message: Some(format!("unterminated declaration: {word} needs a closing {end}")),
                    hide_code: false,
                });
                return Err(Fault::Throw(throw::UNEXPECTED_EOF));
            }
            let name = String::from_utf8_lossy(&tok).into_owned();
            if name.eq_ignore_ascii_case(end) {
                return Ok(names);
            }
            names.push(name);
        }
    }

    fn check_room(&mut self, more: usize) -> Result<(), Fault> {
        let have = self.current.as_ref().map_or(0, |c| c.def.func.n_locals);
        if u64::from(have) + more as u64 > u64::from(MAX_LOCALS) {
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
        self.check_room(names.len())?;
        let ids: Vec<_> = {
            let def = &mut self.current.as_mut().expect("checked by the caller").def;
            names.iter().map(|n| def.declare_local(n)).collect()
        };
        for id in ids {
            self.compile_op(Op::LocalSet(id))?;
        }
        Ok(())
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
        self.check_room(args.len() + vals.len())?;
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
                optimize,
            )
            .unwrap();
            wasmparser::validate(&bytes).unwrap();
        }
    }
}
