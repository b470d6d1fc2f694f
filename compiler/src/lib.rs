//! FastForth/wasm's compiler: a Forth 2012 system whose code is WebAssembly.
//!
//! The outer interpreter ([`Forth`]) reads Forth source, keeps the
//! dictionary, and compiles colon definitions through an IR ([`ir`]) into
//! wasm ([`emit`]). Everything executes on a [`Machine`]: the kernel module
//! ([`kernel`]) holds memory, table and primitives, and pending definitions
//! are emitted as batch modules the first time anything needs to run (a
//! link needs only their IR).
//! The crate does no I/O of its own and never panics on user input.
//!
//! # Example
//!
//! Compile `: SQUARE DUP * ;` to a module and validate it:
//!
//! ```
//! use compiler::ir::{Block, Function, Op, Term};
//! use compiler::primitives::Prim;
//!
//! let square = Function {
//!     xt: compiler::kernel::first_user_xt(),
//!     name: "SQUARE".into(),
//!     blocks: vec![Block { ops: vec![Op::Prim(Prim::Dup), Op::Prim(Prim::Mul)], term: Term::Return }],
//!     n_loops: 0,
//!     n_locals: 0,
//! };
//! let mut effects = compiler::passes::effects::Known::new();
//! let bytes = compiler::emit::batch_module(runtime::Layout::default(), &[square], &|_| false, &mut effects, &Default::default(), true).unwrap();
//! wasmparser::validate(&bytes).unwrap();
//! // The optimizer found that SQUARE takes one item and leaves one.
//! assert_eq!(effects.values().next(), Some(&compiler::passes::effects::Effect::new(1, 1)));
//! ```

#![deny(missing_docs)]

mod block;
pub mod boot_snapshot;
pub mod cfg;
pub mod code_view;
mod command_line;
mod config;
mod control_stack;
pub mod cost;
pub mod definition;
pub mod dictionary;
pub mod digest;
mod double;
pub mod emit;
pub mod error;
mod facility;
mod file_access;
pub mod file_system;
pub mod float_text;
mod fork;
mod gforth_bracket_loops;
mod gforth_control;
mod gforth_debug;
mod gforth_defining;
mod gforth_exceptions;
mod gforth_input;
mod gforth_intcomp;
mod gforth_io;
mod gforth_library;
mod gforth_state;
mod host;
mod host_float;
pub mod host_words;
pub mod host_xchar;
pub mod input;
mod interpreter;
mod introspect;
pub mod ir;
pub mod kernel;
pub mod limits;
pub mod link;
pub(crate) mod locals;
pub mod machine;
mod merge_batches;
pub mod number;
pub mod passes;
pub mod pipeline;
pub mod primitives;
pub mod provenance;
pub mod remarks;
mod search_order;
pub mod share_link;
pub mod source_map;
pub mod stats;
mod strings;
mod system_words;
mod tools;
mod warnings;
mod word_list;
pub mod xt_numbering;

pub use code_view::{DefinitionExtent, WordCode};
pub use error::{Diagnostic, Location, Stop};
pub use facility::civil_time;
pub use interpreter::{panic_message, Config, Forth, Stats, PRELUDE};
pub use limits::Limits;
pub use link::{check_provenance, Artifact, ImageInfo, LinkOptions, ProvenanceCheck};
pub use machine::{Fault, Host, Machine, MachineExt};
pub use number::format_signed;
pub use warnings::Warning;
pub use word_list::WordSummary;

/// The compiler's version, recorded in provenance.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
