//! The playground's exchange formats, read and written for the page: share
//! links ([`share`]), `native-runner bench` reports ([`report`]) and
//! `native-runner history` documents ([`history`]), the summary of a
//! browser bench ([`bench`], as native reports summarize theirs), and the
//! provenance headers of the source a Run loaded ([`source_headers`]).
//! Each answer is JSON, which the worker parses into plain objects for the
//! page; the page itself holds no JSON, deflate, sha256 or statistics code.
//!
//! It is a wasm module of its own, apart from the compiler façade (the
//! `web` crate) and from the page, so that neither carries this code: the
//! worker (`web/worker.js`) imports it when one of these is first needed
//! (after the first Run's output and link, at a Bench, an import, a share
//! link, a page opened with a link).
//!
//! Guarantee: bad input gives an error string, never a panic.

pub mod bench;
pub mod history;
pub mod report;
pub mod share;
pub mod source_headers;
