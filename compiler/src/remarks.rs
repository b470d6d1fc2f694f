//! Optimization remarks: what the optimizer did to each definition of a
//! program, and why a definition that keeps the memory calling convention
//! could not have registers.
//!
//! The batch pipeline ([`crate::pipeline`]) records a remark for each pass
//! that changed a definition; inlining is read from the calls the inliner
//! pasted; the calling convention and its reason come from the stack-effect
//! analysis, run again over the compiled definition (an effect depends only
//! on the definition and those before it, so this gives what the emitter
//! used). `native-runner explain` prints them, and the playground shows them.
//!
//! Guarantees: remarks are kept for the program's definitions, not the
//! system's; [`Forth::explain`] lists definitions in the order they were
//! compiled, each with its remarks in pipeline order.

use std::collections::HashMap;

use crate::error::{Diagnostic, Location};
use crate::interpreter::Forth;
use crate::ir::{Function, Xt};
use crate::passes::effects::{infer_or_why, Dynamic, Effect};

pub use crate::pipeline::{Remark, WordRemarks};

/// What the system keeps for [`Forth::explain`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Remarks {
    /// The remarks of the pipeline's passes, by definition.
    pub passes: HashMap<Xt, Vec<Remark>>,
    /// Where each of the program's definitions starts.
    pub locations: HashMap<Xt, Location>,
}

/// The sentence for why a definition's effect is not static.
pub(crate) fn why(d: Dynamic, name_of: &dyn Fn(Xt) -> String) -> String {
    use crate::primitives::Prim;
    match d {
        Dynamic::Prim(p @ (Prim::Pick | Prim::Roll)) => {
            format!("reads below its arguments: {} with an index computed at run time", p.name())
        }
        Dynamic::Prim(Prim::Depth) => "DEPTH looks at the whole stack".into(),
        Dynamic::Prim(Prim::Execute) => "EXECUTE runs a word known only at run time".into(),
        Dynamic::Prim(p) => format!("{} leaves a number of items known only at run time", p.name()),
        Dynamic::Call(xt) => format!("calls {}, whose stack effect is not static", name_of(xt)),
        Dynamic::Depths => {
            "two paths meet with different stack depths (IF arms or a loop body that change the depth differently)"
                .into()
        }
        Dynamic::Exits => "returns with different stack depths on different paths".into(),
        Dynamic::NoReturn => "no path returns".into(),
        Dynamic::Recursion => "its recursive calls do not keep the effect of its other paths".into(),
    }
}

impl Forth {
    /// From now on, records what the pass named `pass` does to each
    /// definition it changes (`take_trace` returns the record). An unknown
    /// name is an error that lists the passes.
    pub fn trace_pass(&mut self, pass: &str) -> Result<(), String> {
        self.pipeline.trace_pass(pass)
    }

    /// Emits the definitions still waiting for their batch (through the
    /// pipeline, as running a word would).
    pub fn emit_pending(&mut self, m: &mut dyn crate::machine::Machine) -> Result<(), crate::machine::Fault> {
        self.flush(m)
    }

    /// The record `trace_pass` asked for, and stops recording.
    pub fn take_trace(&mut self) -> Option<crate::pipeline::Trace> {
        self.pipeline.trace.take()
    }

    /// The name of the word at `xt` as remarks show it: upper case,
    /// `:NONAME` for a nameless definition.
    pub(crate) fn word_name(&self, xt: Xt) -> String {
        match self.dict.by_xt(xt) {
            Some(h) if !h.name.is_empty() => h.name.to_ascii_uppercase(),
            Some(_) => ":NONAME".into(),
            None => crate::xt_numbering::host_word_of(xt)
                .map(|h| h.name().to_string())
                .unwrap_or_else(|| format!("the word with xt {xt}")),
        }
    }

    /// Remembers where the program's definition `xt` starts.
    pub(crate) fn note_definition(&mut self, xt: Xt, start: Option<Location>) {
        let booting = self.boot_record.as_ref().is_some_and(|r| r.open);
        if let (false, Some(loc)) = (booting, start) {
            self.remarks.locations.insert(xt, loc);
        }
    }

    /// Records the pipeline's remarks for a definition of the program.
    pub(crate) fn note_remarks(&mut self, xt: Xt, remarks: Vec<Remark>) {
        if !remarks.is_empty() && self.remarks.locations.contains_key(&xt) {
            self.remarks.passes.insert(xt, remarks);
        }
    }

    /// The remarks of every definition the program compiled, oldest first,
    /// or of the colon definition `word` alone.
    pub fn explain(&mut self, word: Option<&str>) -> Result<Vec<WordRemarks>, Diagnostic> {
        let only = match word {
            Some(w) => Some(self.colon_xt(w).ok_or_else(|| Diagnostic::new(format!("{w} is not a colon definition")))?),
            None => None,
        };
        let optimize = self.cfg.optimize;
        // Emit what is pending, then read the compiled IR in place: the
        // playground asks after every run and every REPL line.
        self.compiled_definitions()?;
        let funcs: &[Function] = &self.pipeline.compiled;
        let name_of = |xt: Xt| self.word_name(xt);
        let mut inlined_into: HashMap<Xt, Vec<Xt>> = HashMap::new();
        for (&caller, callees) in &self.pipeline.inlined_calls {
            for &c in callees {
                inlined_into.entry(c).or_default().push(caller);
            }
        }
        let mut known = self.system.deferred_effects.clone();
        let mut out = Vec::new();
        for f in funcs {
            let effect = infer_or_why(f, &known);
            if let Ok(e) = effect {
                known.insert(f.xt, e);
            }
            let Some(location) = self.remarks.locations.get(&f.xt) else { continue };
            if only.is_some_and(|x| x != f.xt) {
                continue;
            }
            let mut remarks = Vec::new();
            remarks.push(match (optimize, effect) {
                (false, _) => Remark {
                    pass: "convention".into(),
                    text: "memory calling convention: -O0 infers no stack effects".into(),
                },
                (true, Ok(e)) => Remark {
                    pass: "convention".into(),
                    text: format!("register calling convention {e}: items in wasm parameters and results"),
                },
                (true, Err(d)) => Remark {
                    pass: "convention".into(),
                    text: format!("memory calling convention: {}", why(d, &name_of)),
                },
            });
            if let Some(callees) = self.pipeline.inlined_calls.get(&f.xt) {
                remarks.push(Remark {
                    pass: "inline".into(),
                    text: format!("inlined {}", counted_names(callees, &name_of)),
                });
            }
            if let Some(callers) = inlined_into.get(&f.xt) {
                remarks.push(Remark {
                    pass: "inline".into(),
                    text: format!("inlined into {}", counted_names(callers, &name_of)),
                });
            }
            remarks.extend(self.remarks.passes.get(&f.xt).into_iter().flatten().cloned());
            out.push(WordRemarks {
                name: name_of(f.xt),
                location: Some(location.to_string()),
                effect: effect.ok().map(|e: Effect| e.to_string()),
                remarks,
            });
        }
        Ok(out)
    }
}

/// `FOO, BAR (2 calls)`: the words of `xts` in first-seen order, each with
/// how often it appears when more than once.
fn counted_names(xts: &[Xt], name_of: &dyn Fn(Xt) -> String) -> String {
    let mut seen: Vec<(Xt, usize)> = Vec::new();
    for &x in xts {
        match seen.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => seen.push((x, 1)),
        }
    }
    seen.iter()
        .map(|&(x, n)| if n == 1 { name_of(x) } else { format!("{} ({n} calls)", name_of(x)) })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_counted_in_first_seen_order() {
        let name = |x: Xt| format!("W{x}");
        assert_eq!(counted_names(&[3, 1, 3, 3], &name), "W3 (3 calls), W1");
        assert_eq!(counted_names(&[7], &name), "W7");
    }

    #[test]
    fn reasons_name_the_obstacle() {
        use crate::primitives::Prim;
        let name = |_| "FOO".to_string();
        assert!(why(Dynamic::Prim(Prim::Pick), &name).contains("PICK with an index computed at run time"));
        assert_eq!(why(Dynamic::Call(5), &name), "calls FOO, whose stack effect is not static");
    }
}
