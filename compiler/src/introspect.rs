//! Questions tools ask about a loaded program: the compiled form and the
//! inferred stack effect of a word, by name.
//!
//! Effects are inferred afresh over every compiled definition in load order,
//! from the declared effects of the system's deferred I/O words (so they do
//! not depend on the optimization level, which only decides whether the
//! emitter uses them).

use crate::dictionary::Kind;
use crate::error::Diagnostic;
use crate::interpreter::Forth;
use crate::ir::{Function, Xt};
use crate::passes::effects::{infer, Effect};

impl Forth {
    /// Compiles pending definitions (without emitting them), then returns
    /// every compiled colon definition, oldest first.
    pub fn compiled_definitions(&mut self) -> Result<&[Function], Diagnostic> {
        self.prepare().map_err(|f| Diagnostic::new(format!("cannot compile the pending definitions: {f:?}")))?;
        Ok(&self.pipeline.compiled)
    }

    /// The xt of the colon definition the dictionary finds for `name`.
    pub fn colon_xt(&self, name: &str) -> Option<Xt> {
        self.dict.find(name).filter(|h| matches!(h.kind, Kind::Colon)).map(|h| h.xt)
    }

    /// The static stack effect inferred for the colon definition `name`:
    /// `Ok(None)` if it is dynamic, an error if there is no such definition.
    pub fn inferred_effect(&mut self, name: &str) -> Result<Option<Effect>, Diagnostic> {
        let xt = self.colon_xt(name).ok_or_else(|| Diagnostic::new(format!("{name} is not a colon definition")))?;
        let mut known = self.system.deferred_effects.clone();
        for f in self.compiled_definitions()? {
            if let Some(e) = infer(f, &known) {
                known.insert(f.xt, e);
            }
            if f.xt == xt {
                return Ok(known.get(&xt).copied());
            }
        }
        Err(Diagnostic::new(format!("{name} has not been compiled")))
    }
}
