//! Words of the booted system that host code calls by execution token:
//! `ALLOCATE` and `FREE` (for memory the host hands to programs) and the
//! deferred `TYPE` (where host words display text).
//!
//! They are found once, at the end of boot, in the system's own word list.
//! Guarantees: a program that defines its own `ALLOCATE` or `TYPE`, or that
//! changes the search order (`ONLY`, `SET-ORDER`), never changes what the
//! system itself calls; only `IS TYPE` redirects displayed text, as in
//! gforth, where `TYPE` is a deferred word.
//!
//! The four deferred I/O words also keep the stack effect of the system
//! word each stands for (`TYPE ( c-addr u -- )` and so on), recorded when
//! boot defines them: a word that calls `TYPE` or `.` keeps its stack in
//! wasm locals, as it did when `TYPE` was a host word. Guarantee: such a
//! call checks at run time that the word `TYPE` executes has that effect
//! (`FnBody::call_word`), so a redirection that breaks it stops with a
//! stack error instead of losing items.

use crate::dictionary::Kind;
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::ir::Xt;
use crate::kernel::host_xt;
use crate::passes::effects::{host_effect, Known};

/// The deferred words the prelude defines for the system's I/O words, each
/// with the host word it executes at boot.
const IO_DEFERS: [(&str, HostWord); 4] =
    [("TYPE", HostWord::Type), ("EMIT", HostWord::Emit), ("KEY", HostWord::Key), ("KEY?", HostWord::KeyQuestion)];

/// The system's words that host code calls (none before the end of boot,
/// or in an image that has no prelude).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct SystemWords {
    /// The prelude's `ALLOCATE ( u -- a-addr ior )`.
    pub allocate: Option<Xt>,
    /// The prelude's `FREE ( a-addr -- ior )`.
    pub free: Option<Xt>,
    /// The deferred `TYPE`, which a compiled `."` calls.
    pub type_xt: Option<Xt>,
    /// The body of the deferred `TYPE`: it holds the xt that displays text.
    pub type_body: Option<u32>,
    /// The bodies of the deferred `TYPE`, `EMIT`, `KEY` and `KEY?`, each
    /// with the system's xt it holds at boot: after an error they go back
    /// to it, so a program that redirected them and failed leaves a
    /// session whose output can still be seen.
    pub io_defers: Vec<(u32, Xt)>,
    /// The deferred I/O words by xt, each with the effect of the host word
    /// it stands for; filled while boot defines them.
    pub deferred_effects: Known,
}

impl SystemWords {
    /// Finds the words at the end of boot, while the search order is still
    /// the system's.
    pub fn find(f: &Forth) -> SystemWords {
        let xt = |name: &str| f.dict.find(name).map(|h| h.xt);
        let (type_xt, type_body) = match f.dict.find("TYPE") {
            Some(h) => match h.kind {
                Kind::Defer { body } => (Some(h.xt), Some(body)),
                _ => (Some(h.xt), None),
            },
            None => (None, None),
        };
        let io_defers = IO_DEFERS
            .into_iter()
            .filter_map(|(name, h)| match f.dict.find(name).map(|w| &w.kind) {
                Some(Kind::Defer { body }) => Some((*body, host_xt(h))),
                _ => None,
            })
            .collect();
        SystemWords {
            allocate: xt("ALLOCATE"),
            free: xt("FREE"),
            type_xt,
            type_body,
            io_defers,
            deferred_effects: f.system.deferred_effects.clone(),
        }
    }
}

impl Forth {
    /// Records the effect of the deferred word `xt`, just defined as
    /// `name`, if boot is defining one of the system's deferred I/O words:
    /// from then on, definitions that call it may keep their stack in
    /// locals. A program's own `DEFER TYPE` is not one of them.
    pub(crate) fn declare_deferred_effect(&mut self, xt: Xt, name: &str) {
        let booting = self.boot_record.as_ref().is_some_and(|r| r.open);
        let Some(&(_, h)) = IO_DEFERS.iter().find(|(n, _)| booting && n.eq_ignore_ascii_case(name)) else { return };
        if let Some(e) = host_effect(h) {
            self.system.deferred_effects.insert(xt, e);
            self.pipeline.effects.insert(xt, e);
        }
    }
}
