//! The machine half of `native-runner`, as a library: the wasmtime engine
//! and its time limit, the [`machine::NativeMachine`] that implements
//! `compiler::Machine`, the console and the module cache.
//!
//! The `native-runner` binary builds its subcommands on these; the fuzz
//! targets in `fuzz/` use them to run programs in process. Nothing here
//! parses the command line or prints diagnostics.

pub mod console;
pub mod engine;
pub mod file_system;
pub mod machine;
pub mod module_cache;
