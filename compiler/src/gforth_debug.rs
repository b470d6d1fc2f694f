//! gforth 0.7.3's debugging words: `~~` and the assertions `ASSERT(`,
//! `ASSERT0(` … `ASSERT3(` with their closing `)` (the rest of the family,
//! `ASSERTN` and `ASSERT-LEVEL`, is Forth in `gforth/compile.fs`).
//!
//! A compiled `~~` or `)` records its source position (file and line) at
//! compile time, as gforth does, and compiles the position's index and a
//! call to its run time. `~~` prints, on the error stream, a newline, then
//! `FILE:LINE:` and the data stack as `.S` shows it, then a newline; a
//! failed assertion prints `FILE:LINE: failed assertion` on the output and
//! throws -2 with the message `assertion failed`.
//!
//! Guarantee: a position index that was never recorded (code that calls the
//! run times by hand) prints `?:0`, never panics.

use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::ir::Op;
use crate::kernel::host_xt;
use crate::machine::{Fault, Machine};
use runtime::throw;

impl Forth {
    /// Runs one of gforth's debugging words.
    pub(crate) fn run_gforth_debug(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            TildeTilde | CloseAssert => {
                let site = self.source_position();
                if self.state {
                    self.gforth.debug_sites.push(site);
                    self.compile_op(Op::Lit(self.gforth.debug_sites.len() as i32 - 1))?;
                    let runtime = if h == TildeTilde { TildeTildeRuntime } else { AssertRuntime };
                    self.compile_op(Op::Call(host_xt(runtime)))
                } else if h == TildeTilde {
                    self.debug_line(m, &site)
                } else {
                    // As in gforth 0.7.3, `assert(` and `)` do nothing
                    // while interpreting: `1 2 ) .` prints 2.
                    Ok(())
                }
            }
            TildeTildeRuntime | AssertRuntime => {
                let i = self.pop(m)?;
                let site = usize::try_from(i).ok().and_then(|i| self.gforth.debug_sites.get(i)).cloned();
                let site = site.unwrap_or_else(|| "?:0".to_string());
                if h == TildeTildeRuntime {
                    self.debug_line(m, &site)
                } else {
                    self.end_assert(m, &site)
                }
            }
            _ => unreachable!("not a gforth debugging word: {}", h.name()),
        }
    }

    /// `FILE:LINE` of the word being interpreted.
    fn source_position(&self) -> String {
        match self.location() {
            Some(l) => format!("{}:{}", l.file, l.line),
            None => "?:0".to_string(),
        }
    }

    fn debug_line(&mut self, m: &mut dyn Machine, site: &str) -> Result<(), Fault> {
        let text = format!("\n{site}:{}\n", self.dot_s_text(m)?);
        m.error_output(text.as_bytes());
        Ok(())
    }

    fn end_assert(&mut self, m: &mut dyn Machine, site: &str) -> Result<(), Fault> {
        if self.pop(m)? != 0 {
            return Ok(());
        }
        m.output(format!("{site}: failed assertion").as_bytes());
        Err(self.fail(throw::ABORT_QUOTE, "assertion failed"))
    }
}
