//! The machine half of `native-runner`, as a library: the wasmtime engine
//! and its time limits ([`interrupt`]), the [`machine::NativeMachine`] that
//! implements `compiler::Machine`, the console and the module cache.
//!
//! The `native-runner` binary builds its subcommands on these; the fuzz
//! targets in `fuzz/` use them to run programs in process. Nothing here
//! parses the command line or prints diagnostics, except that a host that
//! cannot interrupt wasm ends the process when a time limit runs out.

pub mod console;
pub mod engine;
pub mod file_system;
pub mod interrupt;
pub mod machine;
pub mod module_cache;
