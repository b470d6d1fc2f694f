//! gforth 0.7.3's control-flow words beyond the standard's: the guarded
//! counted loops (`+DO`, `-DO`, `U+DO`, `U-DO`, `-LOOP`), `FOR` ... `NEXT`,
//! `?DUP-IF`, `?DUP-0=-IF`, `?LEAVE`, `?EXIT`, `ENDIF`, the loop words `K`
//! and `I'`, and the compile-time annotations `UNREACHABLE` and
//! `ASSUME-LIVE`.
//!
//! Each builds the control-flow graph directly through [`Definition`], the
//! way `IF` and `DO` do, so the loops stay ordinary counted loops that every
//! pass (register convention, unrolling, float slots) understands, and the
//! same program prints the same at every optimization level.
//!
//! Guarantee: a control word used without its structure (`NEXT` without
//! `FOR`, `?LEAVE` outside a loop) is THROW -22 or -26, never a panic.

use crate::definition::{Cf, CfError, Definition};
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::Fault;
use crate::primitives::Prim;

impl Forth {
    /// Runs one of gforth's control-flow words (all act at compile time).
    pub(crate) fn run_gforth_control(&mut self, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        let guarded = |d: &mut Definition, p| {
            d.do_guarded(p);
            Ok(())
        };
        match h {
            QDupIf => self.with_def(|d| {
                d.dup_if();
                Ok(())
            }),
            QDupZeroIf => self.with_def(|d| {
                d.dup_zero_if();
                Ok(())
            }),
            PlusDo => self.with_def(|d| guarded(d, Prim::Gt)),
            MinusDo => self.with_def(|d| guarded(d, Prim::Lt)),
            UPlusDo => self.with_def(|d| guarded(d, Prim::UGt)),
            UMinusDo => self.with_def(|d| guarded(d, Prim::ULt)),
            MinusLoop => self.with_def(Definition::minus_loop),
            For => self.with_def(|d| {
                d.for_();
                Ok(())
            }),
            Next => self.with_def(Definition::next_),
            QLeave => self.with_def(Definition::leave_if),
            QExit => self.with_def(|d| {
                d.exit_if();
                Ok(())
            }),
            EndIf => self.with_def(|d| d.then().map_err(|_| CfError::Mismatch("ENDIF"))),
            // Annotations for gforth's compile-time stack-depth checker,
            // which this compiler does not need: its inference is exact.
            Unreachable => Ok(()),
            AssumeLive => self.with_def(|d| match d.cf.last() {
                Some(Cf::Orig(..)) => Ok(()),
                _ => Err(CfError::Mismatch("ASSUME-LIVE")),
            }),
            _ => unreachable!("not a gforth control word: {}", h.name()),
        }
    }
}
