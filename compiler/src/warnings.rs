//! Warnings: problems worth telling the user about that do not stop the
//! program, such as a stack comment that disagrees with the stack effect
//! the compiler inferred.
//!
//! A definition's stack comment is the first `( ... )` comment after its
//! name, before any code. Its item counts (see
//! [`crate::provenance::declared_effect`]) are compared with the inferred
//! effect once the definition is emitted; a definition whose effect is not
//! static (or depends on words whose effect is not known, as at `-O0`) is
//! not checked. Words whose every path ends in `THROW` or `ABORT` look to
//! the analysis as if they returned, so the check is opt-in
//! ([`crate::Config::warn_stack_comments`]). Warnings collect in the system
//! until a host takes them with [`Forth::take_warnings`] (the native runner
//! prints them to stderr). The code after `DOES>` is not checked: its stack
//! comment describes the child word, which also receives its body address.

use std::fmt;

use crate::error::Location;
use crate::interpreter::Forth;
use crate::ir::Xt;

/// A warning as shown to the user: `FILE:LINE:COL: warning: WORD: MESSAGE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where, if known.
    pub location: Option<Location>,
    /// The word concerned.
    pub word: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        write!(f, "warning: {}: {}", self.word, self.message)
    }
}

/// A stack comment waiting for its definition to be emitted.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Declared {
    pub effect: (u32, u32),
    pub location: Option<Location>,
    pub name: String,
}

impl Forth {
    /// Records the text of a `( ... )` comment if it is the stack comment
    /// of the definition being compiled (the first comment, before any code).
    pub(crate) fn note_comment(&mut self, text: &[u8]) {
        let Some(cur) = self.current.as_mut() else { return };
        let blocks = &cur.def.func.blocks;
        if cur.stack_comment.is_none() && blocks.len() == 1 && blocks[0].ops.is_empty() {
            cur.stack_comment = Some(String::from_utf8_lossy(text).into_owned());
        }
    }

    /// At `;`: remembers the declared effect of the definition `xt`.
    pub(crate) fn declare(&mut self, xt: Xt, comment: Option<&str>, location: Option<Location>, name: &str) {
        match comment.and_then(crate::provenance::declared_effect) {
            Some(effect) if !name.is_empty() && self.cfg.warn_stack_comments => {
                self.declared.insert(xt, Declared { effect, location, name: name.to_string() });
            }
            _ => {
                self.declared.remove(&xt);
            }
        }
    }

    /// After a batch is prepared: warns about its definitions (`funcs`, in
    /// `compiled`) whose inferred effect differs from their stack comment.
    pub(crate) fn check_declared(&mut self, funcs: std::ops::Range<usize>) {
        for f in &self.pipeline.compiled[funcs] {
            let Some(d) = self.declared.remove(&f.xt) else { continue };
            let Some(e) = crate::passes::effects::infer(f, &self.pipeline.effects) else { continue };
            if (e.inputs, e.outputs) != d.effect {
                self.warnings.push(Warning {
                    location: d.location,
                    word: d.name,
                    message: format!(
                        "the stack comment declares ( {} -- {} ) but the inferred effect is {e}",
                        d.effect.0, d.effect.1
                    ),
                });
            }
        }
    }

    /// Takes the warnings collected so far.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }
}
