//! From IR to wasm: function bodies with a stack cache, primitives,
//! structured control flow, and module assembly.
//!
//! Guarantee: everything emitted here validates against the `runtime` ABI.

pub mod body;
pub mod float;
pub mod module;
pub mod prim;
pub mod structure;
pub mod vector;

pub use module::batch_module;
pub use structure::EmitError;
