//! gforth 0.7.3's exception-handling structure: `TRY` ... `IFERROR` ...
//! `THEN` ... `ENDTRY`, with `RESTORE` (`IFERROR THEN`) and
//! `ENDTRY-IFERROR`, and `NOTHROW`.
//!
//! gforth's semantics: everything from `TRY` to `ENDTRY` is protected. A
//! throw anywhere in it (also in the code after `IFERROR` or `RESTORE`)
//! resets the data, return and float stacks to their depth at `TRY`, pushes
//! the throw code and goes on after `IFERROR` (or `RESTORE`), still
//! protected; so restoring code that throws runs again, as in gforth. Only
//! `ENDTRY-IFERROR` ends the protection before its error code.
//!
//! A throw unwinds wasm frames up to the host, so the protected code is
//! compiled as definitions of its own, which the host word `(TRY)` runs:
//! the *first region* (from `TRY` to `IFERROR`, `RESTORE` or
//! `ENDTRY-IFERROR`) and the *second region* (from `IFERROR` or `RESTORE`
//! to `ENDTRY`), which starts with a stack-neutral `?DUP-IF` on the throw
//! code (0 after the first region ran through). `(TRY)` runs the first
//! region, then the second one with the code, and runs the second one again
//! after each throw in it. After `ENDTRY-IFERROR` the enclosing definition
//! gets the code and does the `?DUP-IF` itself.
//!
//! The regions see copies of the enclosing definition's locals (their
//! values at `TRY`, passed on the stack by `(TRY)`; an address local's
//! address is its own), so `{ old } TRY ... RESTORE old ... ENDTRY` works
//! as in gforth; `TO` in a region changes only its copy. Loop indices of the
//! enclosing definition are out of reach in the regions, and `EXIT` there
//! leaves only the region (limits of this design).
//!
//! The contents of the stack items below the depth at `TRY` after a throw
//! are whatever the stack's memory holds, as in gforth; values this system
//! keeps in wasm locals may not have been written there, so a program that
//! reads them can see older values than gforth would.
//!
//! Guarantee: an unbalanced structure (`ENDTRY` with no `TRY`, `;` inside a
//! `TRY` region) is THROW -22, never a panic.

use std::collections::HashMap;

use crate::definition::{CfError, Definition};
use crate::host_words::HostWord;
use crate::interpreter::{Current, Forth};
use crate::ir::{LocalId, Op, Xt};
use crate::kernel::host_xt;
use crate::locals::scope::{Access, Local};
use crate::machine::{Fault, Machine};
use runtime::throw;

/// A `TRY` structure being compiled.
#[derive(Debug)]
pub(crate) struct OpenTry {
    /// The enclosing definition, set aside.
    outer: Current,
    /// The enclosing definition's visible locals.
    locals: Vec<Local>,
    /// The wasm locals whose values the regions get, in the order `(TRY)`
    /// passes them.
    passed: Vec<LocalId>,
    /// The first region, once `IFERROR` or `RESTORE` has ended it.
    first: Option<Xt>,
}

impl Forth {
    /// Runs one of gforth's exception words (all act at compile time but
    /// `NOTHROW` and `(TRY)`).
    pub(crate) fn run_gforth_exceptions(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Try => self.start_try(),
            IfError | Restore => {
                let first = self.end_region(m, h.name(), false)?;
                let open = self.gforth.tries.last_mut().expect("end_region checked it");
                open.first = Some(first);
                self.start_region("iferror")?;
                self.with_def(m, |d| {
                    d.dup_if();
                    if h == Restore {
                        d.then()?;
                    }
                    Ok(())
                })
            }
            EndTryIfError => {
                let first = self.end_region(m, "ENDTRY-IFERROR", false)?;
                self.close_try(first, 0)?;
                self.with_def(m, |d| {
                    d.dup_if();
                    Ok(())
                })
            }
            EndTry => {
                let second = self.end_region(m, "ENDTRY", true)?;
                let first = self.gforth.tries.last().and_then(|t| t.first).expect("end_region checked it");
                self.close_try(first, second)
            }
            ParenTry => self.paren_try(m),
            // gforth records a backtrace on the first throw after NOTHROW;
            // this system records none.
            NoThrow => Ok(()),
            _ => unreachable!("not a gforth exception word: {}", h.name()),
        }
    }

    /// `TRY`: sets the definition aside and starts the first region.
    fn start_try(&mut self) -> Result<(), Fault> {
        let Some(outer) = self.current.take() else {
            return Err(self.fail(throw::COMPILE_ONLY, "TRY outside a definition"));
        };
        let locals = outer.def.visible_locals().to_vec();
        let mut passed = Vec::new();
        for l in &locals {
            for id in slots(&l.access) {
                if !passed.contains(&id) {
                    passed.push(id);
                }
            }
        }
        self.gforth.tries.push(OpenTry { outer, locals, passed, first: None });
        self.start_region("try")
    }

    /// Starts a region of the innermost `TRY`: a hidden definition whose
    /// locals are copies of the enclosing definition's, taken from the stack.
    fn start_region(&mut self, what: &str) -> Result<(), Fault> {
        let open = self.gforth.tries.last().expect("a TRY is open");
        let (header, start) = (open.outer.header, open.outer.start.clone());
        let name = format!("{} ({what})", open.outer.def.func.name);
        let xt = self.alloc_hidden_colon()?;
        let mut def = Definition::new(xt, name);
        let open = self.gforth.tries.last().expect("a TRY is open");
        let copies: HashMap<LocalId, LocalId> = open.passed.iter().map(|&id| (id, def.new_slot())).collect();
        for &id in open.passed.iter().rev() {
            def.op(Op::LocalSet(copies[&id]));
        }
        for l in &open.locals {
            def.declare(&l.name, copy_access(&l.access, &copies));
        }
        // Not checked (see `warnings`): mark the comment as seen.
        self.current = Some(Current { def, header, start, text: None, stack_comment: Some(String::new()) });
        Ok(())
    }

    /// Ends the region being compiled and returns its xt. `second` says
    /// whether it must be the second region of its `TRY` (for `ENDTRY`) or
    /// the first one.
    fn end_region(&mut self, m: &mut dyn Machine, word: &'static str, second: bool) -> Result<Xt, Fault> {
        let open = matches!((&self.current, self.gforth.tries.last()),
            (Some(_), Some(open)) if open.first.is_some() == second);
        if !open {
            return Err(self.cf_error(CfError::Mismatch(word)));
        }
        self.end_part_of_definition(m, word)
    }

    /// Gives the enclosing definition back, with a call of `(TRY)` on the
    /// locals' values and the regions (`second` 0: none).
    fn close_try(&mut self, first: Xt, second: Xt) -> Result<(), Fault> {
        let open = self.gforth.tries.pop().expect("end_region checked it");
        self.current = Some(open.outer);
        for &id in &open.passed {
            self.compile_op(Op::LocalGet(id))?;
        }
        for v in [open.passed.len() as i32, first as i32, second as i32] {
            self.compile_op(Op::Lit(v))?;
        }
        self.compile_op(Op::Call(host_xt(HostWord::ParenTry)))
    }

    /// `(TRY) ( i*x v1 .. vn n xt1 xt2 -- j*x )`: runs `xt1`, then `xt2`
    /// with its throw code (0 if none) as long as it throws, each with the
    /// values on top; a throw resets the stacks to their depth without the
    /// arguments. Without `xt2` (0) it leaves the code of `xt1` instead.
    fn paren_try(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let second = self.pop(m)? as Xt;
        let first = self.pop(m)? as Xt;
        let n = self.pop(m)?;
        let mut args = vec![0; n.max(0) as usize + 1];
        for a in args[1..].iter_mut().rev() {
            *a = self.pop(m)?;
        }
        let (sp, fsp) = (m.sp(), m.fsp());
        let mut code = self.run_caught(m, first, &args[1..])?;
        if second == 0 {
            return self.push(m, code);
        }
        loop {
            args[0] = code;
            code = self.run_caught(m, second, &args)?;
            if code == 0 {
                return Ok(());
            }
            // The depths at TRY, without what the first region left.
            m.set_sp(sp);
            m.set_fsp(fsp);
        }
    }
}

/// The wasm locals a local's access reads.
fn slots(a: &Access) -> Vec<LocalId> {
    match *a {
        Access::Cell(id) | Access::Char(id) => vec![id],
        Access::Double(lo, hi) | Access::Float(lo, hi) => vec![lo, hi],
        Access::Addr { base, .. } => vec![base],
    }
}

/// The same access on the copies of its wasm locals.
fn copy_access(a: &Access, copies: &HashMap<LocalId, LocalId>) -> Access {
    match *a {
        Access::Cell(id) => Access::Cell(copies[&id]),
        Access::Char(id) => Access::Char(copies[&id]),
        Access::Double(lo, hi) => Access::Double(copies[&lo], copies[&hi]),
        Access::Float(lo, hi) => Access::Float(copies[&lo], copies[&hi]),
        Access::Addr { base, offset, kind } => Access::Addr { base: copies[&base], offset, kind },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locals::scope::Kind as LocalKind;

    #[test]
    fn copies_keep_the_shape_of_each_local() {
        let copies: HashMap<LocalId, LocalId> =
            [(LocalId(0), LocalId(5)), (LocalId(1), LocalId(6)), (LocalId(2), LocalId(7))].into();
        assert_eq!(
            copy_access(&Access::Double(LocalId(0), LocalId(1)), &copies),
            Access::Double(LocalId(5), LocalId(6))
        );
        let addr = Access::Addr { base: LocalId(2), offset: 8, kind: LocalKind::Float };
        assert_eq!(slots(&addr), vec![LocalId(2)]);
        assert_eq!(copy_access(&addr, &copies), Access::Addr { base: LocalId(7), offset: 8, kind: LocalKind::Float });
    }
}
