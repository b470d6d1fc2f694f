//! The settings of a Forth system ([`Config`]): the memory map's sizes,
//! the limits of the outer interpreter and the optimizer's switches.
//!
//! A leaf module (it imports nothing from the crate), so that the pipeline,
//! the limits and the hosts read the settings without importing the outer
//! interpreter. Its `Default` is the default `-O` level's settings, made
//! in [`crate::pipeline`] beside the table of levels.

use runtime::Layout;

/// Settings of a Forth system.
#[derive(Clone, Debug)]
pub struct Config {
    /// The memory map's sizes.
    pub layout: Layout,
    /// Deepest nesting of input sources (`INCLUDED`, `EVALUATE`).
    pub max_input_depth: usize,
    /// Validate every emitted module with wasmparser before instantiating
    /// (with the crate's `validate` feature; without it, ignored).
    pub validate: bool,
    /// Optimize: static definitions take their stack items as wasm
    /// parameters and results (off: every word uses the memory stack).
    pub optimize: bool,
    /// Inline small straight-line definitions into their callers.
    pub inline: bool,
    /// The file that holds the blocks of the BLOCK word set.
    pub block_file: String,
    /// Warn when a definition's stack comment disagrees with its inferred
    /// effect (see [`crate::Warning`]).
    pub warn_stack_comments: bool,
    /// Copy small innermost loop bodies this many times per back edge
    /// (0 or 1: off).
    pub unroll: usize,
    /// Turn self tail calls of static definitions into loops.
    pub tail_loops: bool,
    /// Run counted loops that reduce or map cell arrays four trips at a
    /// time with wasm SIMD (`passes::vectorize`).
    pub vectorize: bool,
}
