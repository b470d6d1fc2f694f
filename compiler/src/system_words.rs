//! Words of the booted system that host code calls by execution token:
//! `ALLOCATE` and `FREE` (for memory the host hands to programs) and the
//! deferred `TYPE` (where host words display text).
//!
//! They are found once, at the end of boot, in the system's own word list.
//! Guarantees: a program that defines its own `ALLOCATE` or `TYPE`, or that
//! changes the search order (`ONLY`, `SET-ORDER`), never changes what the
//! system itself calls; only `IS TYPE` redirects displayed text, as in
//! gforth, where `TYPE` is a deferred word.

use crate::dictionary::Kind;
use crate::host_words::HostWord;
use crate::interpreter::Forth;
use crate::ir::Xt;
use crate::kernel::host_xt;

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
        let io_defers = [
            ("TYPE", HostWord::Type),
            ("EMIT", HostWord::Emit),
            ("KEY", HostWord::Key),
            ("KEY?", HostWord::KeyQuestion),
        ]
        .into_iter()
        .filter_map(|(name, h)| match f.dict.find(name).map(|w| &w.kind) {
            Some(Kind::Defer { body }) => Some((*body, host_xt(h))),
            _ => None,
        })
        .collect();
        SystemWords { allocate: xt("ALLOCATE"), free: xt("FREE"), type_xt, type_body, io_defers }
    }
}
