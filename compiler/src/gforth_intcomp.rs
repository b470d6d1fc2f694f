//! gforth's two-part defining words: `CREATE-INTERPRET/COMPILE`, with
//! `INTERPRETATION>` ... `<INTERPRETATION` and `COMPILATION>` ...
//! `<COMPILATION` in the defining word.
//!
//! ```forth
//! : my-constant ( n "name" -- )
//!     create-interpret/compile ,
//! interpretation> @ <interpretation
//! compilation> @ postpone literal <compilation ;
//! ```
//!
//! `CREATE-INTERPRET/COMPILE` (gforth/compile.fs) makes two nameless
//! `CREATE`d words on the same body, one for each semantics, and names them
//! with `INTERPRET/COMPILE:`. Each part between the brackets is a definition
//! of its own, compiled while the defining word is set aside, like the
//! regions of `TRY`; the defining word compiles a call of `(SEMANTICS-DOES)`
//! that gives the part to the nameless word as its `DOES>` code. So the part
//! runs on the child's body, in interpretation or in compilation.
//!
//! Guarantee: a closing word without its opening one, a part left open at
//! `;`, or `(SEMANTICS-DOES)` after a word not made by
//! `CREATE-INTERPRET/COMPILE` is an error with a message, never a panic.

use crate::definition::CfError;
use crate::dictionary::Kind;
use crate::host_words::HostWord;
use crate::interpreter::{Current, Forth};
use crate::ir::Op;
use crate::kernel::host_xt;
use crate::machine::{Fault, Machine};
use runtime::throw;

/// Which semantics a part gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// `INTERPRETATION>` ... `<INTERPRETATION`.
    Interpretation,
    /// `COMPILATION>` ... `<COMPILATION`.
    Compilation,
}

impl Forth {
    /// Runs one of the words of gforth's two-part defining words.
    pub(crate) fn run_gforth_intcomp(&mut self, m: &mut dyn Machine, h: HostWord) -> Result<(), Fault> {
        use HostWord::*;
        match h {
            InterpretationGt => self.start_part(Part::Interpretation),
            CompilationGt => self.start_part(Part::Compilation),
            LtInterpretation => self.end_part(m, Part::Interpretation, "<INTERPRETATION"),
            LtCompilation => self.end_part(m, Part::Compilation, "<COMPILATION"),
            SemanticsDoes => self.semantics_does(m),
            _ => unreachable!("not a word of CREATE-INTERPRET/COMPILE: {}", h.name()),
        }
    }

    /// Sets the defining word aside, with a call that will give the part to
    /// its child, and starts the part.
    fn start_part(&mut self, part: Part) -> Result<(), Fault> {
        let word = if part == Part::Interpretation { "INTERPRETATION>" } else { "COMPILATION>" };
        if self.current.is_none() {
            return Err(self.fail(throw::COMPILE_ONLY, format!("{word} outside a definition")));
        }
        let xt = self.alloc_hidden_colon()?;
        self.compile_op(Op::Lit(xt as i32))?;
        self.compile_op(Op::Lit(if part == Part::Interpretation { 0 } else { 1 }))?;
        self.compile_op(Op::Call(host_xt(HostWord::SemanticsDoes)))?;
        let outer = self.current.take().expect("checked above");
        let name = format!("{} ({})", outer.def.func.name, word.to_ascii_lowercase());
        let (header, start) = (outer.header, outer.start.clone());
        self.gforth.semantics_parts.push((outer, part));
        // Not checked (see `warnings`): mark the comment as seen.
        self.current = Some(Current {
            def: crate::definition::Definition::new(xt, name),
            header,
            start,
            text: None,
            stack_comment: Some(String::new()),
        });
        Ok(())
    }

    /// Ends the part being compiled and gives the defining word back.
    fn end_part(&mut self, m: &mut dyn Machine, part: Part, word: &'static str) -> Result<(), Fault> {
        let open = self.current.is_some() && self.gforth.semantics_parts.last().is_some_and(|(_, p)| *p == part);
        if !open {
            return Err(self.cf_error(CfError::Mismatch(word)));
        }
        self.end_part_of_definition(m, word)?;
        let (outer, _) = self.gforth.semantics_parts.pop().expect("checked above");
        self.current = Some(outer);
        Ok(())
    }

    /// `(SEMANTICS-DOES) ( xt n -- )`: the nameless word of the latest
    /// word's interpretation (n 0) or compilation (n 1) semantics runs xt
    /// on its body from now on.
    fn semantics_does(&mut self, m: &mut dyn Machine) -> Result<(), Fault> {
        let which = self.pop(m)?;
        let code = self.pop(m)? as crate::ir::Xt;
        let made = self.latest.map(|id| self.dict.get(id)).and_then(|hdr| match hdr.kind {
            Kind::InterpCompile { comp } => Some(if which == 0 { hdr.xt } else { comp }),
            _ => None,
        });
        let target = made
            .and_then(|xt| self.dict.id_by_xt(xt))
            .filter(|&id| matches!(self.dict.get(id).kind, Kind::Created { .. } | Kind::Does { .. }));
        let Some(id) = target else {
            let word = if which == 0 { "INTERPRETATION>" } else { "COMPILATION>" };
            return Err(self.fail(
                throw::BODY_OF_NON_CREATE,
                format!("{word}: the latest word was not made by CREATE-INTERPRET/COMPILE"),
            ));
        };
        self.set_does_code(m, id, code, "CREATE-INTERPRET/COMPILE")
    }
}
