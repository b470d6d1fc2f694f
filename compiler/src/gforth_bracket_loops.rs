//! gforth 0.7.3's interpretive loops: `[DO]` `[?DO]` `[LOOP]` `[+LOOP]`
//! `[FOR]` `[NEXT]` `[I]` and `[BEGIN]` `[UNTIL]` `[AGAIN]` `[WHILE]`
//! `[REPEAT]`.
//!
//! Like gforth's, they loop over text: the opening word remembers `>IN`,
//! interprets the rest of the line up to the closing word, and sets `>IN`
//! back for the next iteration. So a loop must open and close on one line
//! of the input. The closing words only signal the opening word, which
//! decides whether to go round again; `[+LOOP]` ends the loop as `+LOOP`
//! does, when the index crosses the boundary between limit-1 and limit. A
//! `[?DO]` with equal bounds and a false `[WHILE]` skip their text up to the
//! matching closing word, counting nested loops. `[I]` is the index of the
//! innermost `[DO]` (compiled as a literal inside a definition).
//!
//! Guarantee: a closing word with no loop open, or a loop whose line ends
//! before its closing word, is THROW -22, never a hang or a panic.

use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::machine::{Fault, Machine, MachineExt};
use runtime::{addr, throw};

/// What a closing word tells the loop that is running the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LoopEnd {
    /// `[LOOP]`, `[+LOOP]`, `[NEXT]`: step the index by this much.
    Step(i32),
    /// `[AGAIN]`, `[REPEAT]`, a false `[UNTIL]`: go round again.
    Again,
    /// A true `[UNTIL]`, a false `[WHILE]`: leave the loop.
    Leave,
}

const OPENERS: [&[u8]; 4] = [b"[DO]", b"[?DO]", b"[FOR]", b"[BEGIN]"];
const CLOSERS: [&[u8]; 6] = [b"[LOOP]", b"[+LOOP]", b"[NEXT]", b"[UNTIL]", b"[AGAIN]", b"[REPEAT]"];

impl Forth {
    /// Runs one of gforth's interpretive loop words.
    pub(crate) fn run_bracket_loop(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            BracketDo | BracketQDo | BracketFor => {
                let (limit, index) = if h == BracketFor {
                    (0, self.pop(m)?)
                } else {
                    let index = self.pop(m)?;
                    (self.pop(m)?, index)
                };
                if h == BracketQDo && limit == index {
                    return self.skip_loop_text(m, h.name());
                }
                self.gforth.bracket_indices.push(index);
                let res = self.counted_text_loop(m, limit, h.name());
                self.gforth.bracket_indices.pop();
                res
            }
            BracketBegin => {
                let start = m.read_cell(addr::TO_IN)?;
                loop {
                    m.write_cell(addr::TO_IN, start)?;
                    if self.run_loop_text(m, "[BEGIN]")? == LoopEnd::Leave {
                        return Ok(());
                    }
                }
            }
            BracketLoop | BracketNext => self.end_loop_text(LoopEnd::Step(if h == BracketLoop { 1 } else { -1 }), h),
            BracketPlusLoop => {
                let n = self.pop(m)?;
                self.end_loop_text(LoopEnd::Step(n), h)
            }
            BracketUntil => {
                let flag = self.pop(m)?;
                self.end_loop_text(if flag != 0 { LoopEnd::Leave } else { LoopEnd::Again }, h)
            }
            BracketAgain | BracketRepeat => self.end_loop_text(LoopEnd::Again, h),
            BracketWhile => {
                if self.pop(m)? != 0 {
                    return Ok(());
                }
                self.skip_loop_text(m, "[WHILE]")?;
                self.end_loop_text(LoopEnd::Leave, h)
            }
            BracketI => {
                let Some(&i) = self.gforth.bracket_indices.last() else {
                    return Err(self.fail(throw::CONTROL_MISMATCH, "[I] outside [DO] ... [LOOP]"));
                };
                self.literal(m, i)
            }
            _ => unreachable!("not an interpretive loop word: {}", h.name()),
        }
    }

    /// The body of `[DO]`: runs the text to the closing word until the
    /// index crosses the limit.
    fn counted_text_loop(&mut self, m: &mut dyn Machine, limit: i32, word: &'static str) -> Result<(), Fault> {
        let start = m.read_cell(addr::TO_IN)?;
        loop {
            m.write_cell(addr::TO_IN, start)?;
            let step = match self.run_loop_text(m, word)? {
                LoopEnd::Step(n) => n,
                _ => return Err(self.fail(throw::CONTROL_MISMATCH, format!("{word} ended by a [BEGIN] word"))),
            };
            let index = self.gforth.bracket_indices.last_mut().expect("pushed by the caller");
            let old = index.wrapping_sub(limit);
            let new = old.wrapping_add(step);
            *index = index.wrapping_add(step);
            if (old ^ new) & (old ^ step) < 0 {
                return Ok(());
            }
        }
    }

    /// Interprets the line up to the word that closes the innermost loop.
    fn run_loop_text(&mut self, m: &mut dyn Machine, word: &'static str) -> Result<LoopEnd, Fault> {
        self.gforth.text_loops += 1;
        let res = self.interpret_to_loop_end(m, word);
        self.gforth.text_loops -= 1;
        res
    }

    fn interpret_to_loop_end(&mut self, m: &mut dyn Machine, word: &'static str) -> Result<LoopEnd, Fault> {
        loop {
            let (start, tok) = self.parse_name(m)?;
            if tok.is_empty() {
                return Err(
                    self.fail(throw::CONTROL_MISMATCH, format!("{word} needs its closing word on the same line"))
                );
            }
            if let Some(top) = self.inputs.last_mut() {
                top.tok_start = start;
            }
            if let Err(f) = self.interpret_word(m, &tok) {
                self.note(&tok);
                return Err(f);
            }
            if let Some(end) = self.gforth.loop_end.take() {
                return Ok(end);
            }
        }
    }

    /// Skips the text of a loop that does not run, up to its closing word.
    fn skip_loop_text(&mut self, m: &mut dyn Machine, word: &'static str) -> Result<(), Fault> {
        let mut depth = 0usize;
        loop {
            let (_, tok) = self.parse_name(m)?;
            if tok.is_empty() {
                return Err(
                    self.fail(throw::CONTROL_MISMATCH, format!("{word} needs its closing word on the same line"))
                );
            }
            let tok = tok.to_ascii_uppercase();
            if OPENERS.contains(&tok.as_slice()) {
                depth += 1;
            } else if CLOSERS.contains(&tok.as_slice()) {
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
            }
        }
    }

    /// A closing word: tells the running loop how to go on.
    fn end_loop_text(&mut self, end: LoopEnd, h: HostWord) -> Result<(), Fault> {
        if self.gforth.text_loops > 0 {
            self.gforth.loop_end = Some(end);
            Ok(())
        } else {
            Err(self.fail(throw::CONTROL_MISMATCH, format!("{} without an open interpretive loop", h.name())))
        }
    }
}
