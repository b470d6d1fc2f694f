//! gforth 0.7.3's words about the input source: `SOURCEFILENAME`,
//! `SOURCELINE#`, `INCLUDED?`, `ADD-INCLUDED-FILE` and `EXECUTE-PARSING`.
//!
//! `SOURCEFILENAME` and `SOURCELINE#` describe the innermost input source
//! that has a name (a file, or the command line's `-e` text), as the
//! diagnostics do; the file name is copied once into the names region, so
//! its address stays valid. `INCLUDED?` is true for a path exactly as
//! `INCLUDED` or `REQUIRED` found it, or as `ADD-INCLUDED-FILE` gave it (so
//! `REQUIRED` skips it). `EXECUTE-PARSING` makes a string the
//! input source while an xt runs, as `EVALUATE` does for interpreting.
//!
//! Guarantee: outside any named source the file name is empty and the line
//! 0; nothing here panics.

use crate::host_words::HostWord;
use crate::input::SourceKind;
use crate::interpreter::Forth;
use crate::ir::Xt;
use crate::machine::{Fault, Machine};

impl Forth {
    /// Runs one of gforth's input-source words.
    pub(crate) fn run_gforth_input(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            SourceFilename => {
                let name = self.location().map(|l| l.file).unwrap_or_default();
                let a = match self.gforth.file_names.get(&name) {
                    Some(&a) => a,
                    None => {
                        let a = self.copy_to_names_region(m, name.as_bytes())?;
                        self.gforth.file_names.insert(name.clone(), a);
                        a
                    }
                };
                self.push(m, a as i32)?;
                self.push(m, name.len() as i32)
            }
            SourceLineNumber => {
                let line = self.location().map_or(0, |l| l.line);
                self.push(m, line as i32)
            }
            IncludedQ => {
                let (_, path) = self.pop_text(m)?;
                let found = self.files.included.contains(String::from_utf8_lossy(&path).as_ref());
                self.push(m, if found { -1 } else { 0 })
            }
            AddIncludedFile => {
                let (_, path) = self.pop_text(m)?;
                self.files.included.insert(String::from_utf8_lossy(&path).into_owned());
                Ok(())
            }
            ExecuteParsing => {
                let xt = self.pop(m)? as Xt;
                let (a, text) = self.pop_text(m)?;
                self.push_input_at(m, SourceKind::Evaluate, text, None, Some(a))?;
                self.execute(m, xt)?;
                self.pop_input(m)
            }
            _ => unreachable!("not a gforth input word: {}", h.name()),
        }
    }
}
