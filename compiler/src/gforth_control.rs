//! gforth 0.7.3's control-flow words beyond the standard's: the guarded
//! counted loops (`+DO`, `-DO`, `U+DO`, `U-DO`, `-LOOP`), `FOR` ... `NEXT`,
//! `?DUP-IF`, `?DUP-0=-IF`, `?LEAVE`, `?EXIT`, `ENDIF`, `DONE`, the loop
//! words `K` and `I'`, the compile-time annotations `UNREACHABLE` and
//! `ASSUME-LIVE`, and the building blocks `BRANCH`, `?BRANCH` and `CALL`
//! with `>MARK` (`POSTPONE ?BRANCH >MARK` is `IF`; `POSTPONE CALL >MARK` is
//! the `FORK` of gforth's regexp.fs, see `fork.rs`).
//!
//! Each builds the control-flow graph directly through [`Definition`], the
//! way `IF` and `DO` do, so the loops stay ordinary counted loops that every
//! pass (register convention, unrolling, float slots) understands, and the
//! same program prints the same at every optimization level.
//!
//! Guarantee: a control word used without its structure (`NEXT` without
//! `FOR`, `?LEAVE` outside a loop, `>MARK` after anything but `BRANCH`,
//! `?BRANCH` or `CALL`) is THROW -22 or -26, never a panic; `BRANCH`,
//! `?BRANCH` and `CALL` executed rather than compiled are THROW -21.

use crate::definition::{Cf, CfError, Definition};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::ir::Op;
use crate::kernel::host_xt;
use crate::machine::{Fault, Machine};
use crate::primitives::Prim;
use runtime::throw;

impl Forth {
    /// Runs one of gforth's control-flow words (all act at compile time).
    pub(crate) fn run_gforth_control(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        let guarded = |d: &mut Definition, p| {
            d.do_guarded(p);
            Ok(())
        };
        match h {
            QDupIf => self.with_def(m, |d| {
                d.dup_if();
                Ok(())
            }),
            QDupZeroIf => self.with_def(m, |d| {
                d.dup_zero_if();
                Ok(())
            }),
            PlusDo => self.with_def(m, |d| guarded(d, Prim::Gt)),
            MinusDo => self.with_def(m, |d| guarded(d, Prim::Lt)),
            UPlusDo => self.with_def(m, |d| guarded(d, Prim::UGt)),
            UMinusDo => self.with_def(m, |d| guarded(d, Prim::ULt)),
            MinusLoop => self.with_def(m, Definition::minus_loop),
            For => self.with_def(m, |d| {
                d.for_();
                Ok(())
            }),
            Next => self.with_def(m, Definition::next_),
            QLeave => self.with_def(m, Definition::leave_if),
            QExit => self.with_def(m, |d| {
                d.exit_if();
                Ok(())
            }),
            EndIf => self.with_def(m, |d| d.then().map_err(|_| CfError::Mismatch("ENDIF"))),
            // Annotations for gforth's compile-time stack-depth checker,
            // which this compiler does not need: its inference is exact.
            Unreachable => Ok(()),
            AssumeLive => self.with_def(m, |d| match d.cf.last() {
                Some(Cf::Orig(..)) => Ok(()),
                _ => Err(CfError::Mismatch("ASSUME-LIVE")),
            }),
            Done => self.with_def(m, Definition::done),
            Branch | QBranch | Call => Err(self.fail(
                throw::UNSUPPORTED,
                format!("{} only works compiled, followed by >MARK (as in POSTPONE {0} >MARK)", h.name()),
            )),
            ToMark => self.with_def(m, |d| {
                let mark = match d.last_op() {
                    Some(Op::Call(xt)) if *xt == host_xt(Branch) => Definition::ahead,
                    Some(Op::Call(xt)) if *xt == host_xt(QBranch) => Definition::if_,
                    Some(Op::Call(xt)) if *xt == host_xt(Call) => Definition::fork,
                    _ => return Err(CfError::Mismatch(">MARK")),
                };
                d.pop_op();
                mark(d);
                Ok(())
            }),
            _ => unreachable!("not a gforth control word: {}", h.name()),
        }
    }
}
