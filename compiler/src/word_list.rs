//! A listing of the dictionary's newest definitions with their inferred
//! stack effects, for tools such as the playground's words panel.
//!
//! Guarantee: listing never fails; pending definitions are emitted first so
//! that their effects are known, and a definition whose effect is dynamic
//! (or that could not be emitted) is listed with `effect: None`.

use crate::dictionary::Kind;
use crate::interpreter::Forth;
use crate::passes::effects::Effect;

/// One definition, as a listing shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSummary {
    /// The name as defined (`:NONAME` definitions are not listed).
    pub name: String,
    /// `colon`, `created`, `does`, `variable`, `constant`, `value`,
    /// `2value`, `fconstant`, `fvalue`, `defer` or `marker`.
    pub kind: &'static str,
    /// Executes in compilation state too.
    pub immediate: bool,
    /// The static stack effect the optimizer inferred, for colon definitions.
    pub effect: Option<Effect>,
}

impl Forth {
    /// How many headers the dictionary holds; a mark for [`Forth::words_since`].
    pub fn word_count(&self) -> usize {
        self.dict.len()
    }

    /// The visible named definitions made after the dictionary held `mark`
    /// headers, oldest first. A name defined twice is listed twice.
    pub fn words_since(&mut self, mark: usize) -> Vec<WordSummary> {
        // Effects are inferred when definitions are compiled.
        let _ = self.prepare();
        (mark..self.dict.len())
            .map(|i| self.dict.get(i))
            .filter(|h| !h.hidden && !h.name.is_empty())
            .filter_map(|h| {
                let kind = match h.kind {
                    Kind::Colon => "colon",
                    Kind::Created { .. } => "created",
                    Kind::Does { .. } => "does",
                    Kind::Variable { .. } => "variable",
                    Kind::Constant { .. } => "constant",
                    Kind::Value { .. } => "value",
                    Kind::TwoValue { .. } => "2value",
                    Kind::FConstant { .. } => "fconstant",
                    Kind::FValue { .. } => "fvalue",
                    Kind::Defer { .. } => "defer",
                    Kind::InterpCompile { .. } => "interpret/compile",
                    Kind::Marker { .. } => "marker",
                    Kind::Prim(_) | Kind::Host(_) => return None,
                };
                let effect = match h.kind {
                    Kind::Colon => self.pipeline.effects.get(&h.xt).copied(),
                    Kind::Constant { .. } | Kind::Variable { .. } | Kind::Created { .. } | Kind::Value { .. } => {
                        Some(Effect::new(0, 1))
                    }
                    Kind::TwoValue { .. } => Some(Effect::new(0, 2)),
                    _ => None,
                };
                Some(WordSummary { name: h.name.clone(), kind, immediate: h.immediate, effect })
            })
            .collect()
    }
}
