//! gforth 0.7.3's exception-handling structure: `TRY` ... `IFERROR` ...
//! `THEN` ... `ENDTRY`, with `RESTORE` (`IFERROR THEN`) and
//! `ENDTRY-IFERROR`, and `NOTHROW`.
//!
//! The region between `TRY` and `IFERROR` (or `RESTORE`, `ENDTRY-IFERROR`)
//! is compiled as an anonymous definition of its own, which the enclosing
//! definition runs with `CATCH`; a throw inside it restores the data, return
//! and float stacks to their depth at `TRY`, as gforth's does, and the code
//! after `IFERROR` sees the throw code on top. A stack-neutral `?DUP-IF`
//! after the `CATCH` gives gforth's branch structure, so `IFERROR` leaves an
//! orig for `THEN`, and `ENDTRY` closes the structure (`ENDTRY-IFERROR`
//! needs no `ENDTRY`). Between `TRY` and
//! `IFERROR` the enclosing definition's locals and loop indices are out of
//! reach and `EXIT` leaves only the region (a limit of this design).
//!
//! Guarantee: an unbalanced structure (`ENDTRY` with no `TRY`, `;` inside a
//! `TRY` region) is THROW -22, never a panic.

use crate::definition::{Cf, CfError, Definition};
use crate::dictionary::{Header, Kind};
use crate::host_words::HostWord;
use crate::interpreter::{Current, Forth};
use crate::ir::Op;
use crate::kernel::host_xt;
use crate::machine::Fault;
use runtime::throw;

impl Forth {
    /// Runs one of gforth's exception words (all act at compile time but
    /// `NOTHROW`).
    pub(crate) fn run_gforth_exceptions(&mut self, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            Try => self.start_try(),
            IfError | EndTryIfError => {
                self.end_try_region(h.name(), h == IfError)?;
                self.with_def(|d| {
                    d.dup_if();
                    Ok(())
                })
            }
            Restore => {
                self.end_try_region("RESTORE", true)?;
                self.with_def(|d| {
                    d.dup_if();
                    d.then()
                })
            }
            EndTry => {
                if !self.gforth.try_outer.is_empty() && self.current.as_ref().is_some_and(|c| c.def.cf.is_empty()) {
                    return Err(self.cf_error(CfError::Mismatch("ENDTRY")));
                }
                self.with_def(|d| match d.cf.pop() {
                    Some(Cf::Try) => Ok(()),
                    Some(other) => {
                        d.cf.push(other);
                        Err(CfError::Mismatch("ENDTRY"))
                    }
                    None => Err(CfError::Mismatch("ENDTRY")),
                })
            }
            // gforth records a backtrace on the first throw after NOTHROW;
            // this system records none.
            NoThrow => Ok(()),
            _ => unreachable!("not a gforth exception word: {}", h.name()),
        }
    }

    /// `TRY`: sets the definition aside and starts the protected region.
    fn start_try(&mut self) -> Result<(), Fault> {
        let Some(outer) = self.current.take() else {
            return Err(self.fail(throw::COMPILE_ONLY, "TRY outside a definition"));
        };
        let xt = match self.alloc_xt() {
            Ok(xt) => xt,
            Err(f) => {
                self.current = Some(outer);
                return Err(f);
            }
        };
        let header =
            Header { name: String::new(), xt, immediate: false, compile_only: false, hidden: true, kind: Kind::Colon };
        self.dict.add(header);
        let name = format!("{} (try)", outer.def.func.name);
        self.current = Some(Current {
            def: Definition::new(xt, name),
            header: outer.header,
            start: outer.start.clone(),
            text: None,
            // Not checked (see `warnings`): mark the comment as seen.
            stack_comment: Some(String::new()),
        });
        self.gforth.try_outer.push(outer);
        Ok(())
    }

    /// Ends the protected region: the enclosing definition gets it back,
    /// with a `CATCH` of the region, and (unless `ENDTRY-IFERROR` ends the
    /// whole structure) a `Try` entry for `ENDTRY`.
    fn end_try_region(&mut self, word: &'static str, endtry_follows: bool) -> Result<(), Fault> {
        let inner_open = match &self.current {
            Some(cur) if !self.gforth.try_outer.is_empty() => cur.def.check_closed(word),
            _ => Err(CfError::Mismatch(word)),
        };
        inner_open.map_err(|e| self.cf_error(e))?;
        let inner = self.current.take().expect("checked above");
        let xt = inner.def.func.xt;
        self.pending.push(inner.def.finish());
        self.current = self.gforth.try_outer.pop();
        self.compile_op(Op::Lit(xt as i32))?;
        self.compile_op(Op::Call(host_xt(HostWord::Catch)))?;
        self.with_def(|d| {
            if endtry_follows {
                d.cf.push(Cf::Try);
            }
            Ok(())
        })
    }
}
