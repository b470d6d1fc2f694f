//! Builders of IR for unit tests, shared by the passes' test modules so that
//! each writes its functions the same way.
//!
//! A test function is named `T` and installed at [`XT`], an xt no test calls;
//! its `n_locals` is what its ops use, so it verifies (`ir::verify`) whenever
//! its blocks and loops do.

use super::{Block, Function, Op, Term, Xt};
use crate::primitives::Prim;

/// The xt of every function [`func`] builds.
pub const XT: Xt = 1000;

/// The op of primitive `x`.
pub fn p(x: Prim) -> Op {
    Op::Prim(x)
}

/// A block of `ops` ending in `term`.
pub fn block(ops: Vec<Op>, term: Term) -> Block {
    Block { ops, term }
}

/// The function `T` with `blocks` (the first is the entry) and `n_loops`
/// counted loops, and as many locals as its ops use.
pub fn func(blocks: Vec<Block>, n_loops: u32) -> Function {
    named(XT, "T", blocks, n_loops)
}

/// [`func`] for a test of several functions: the function `name` at `xt`.
pub fn named(xt: Xt, name: &str, blocks: Vec<Block>, n_loops: u32) -> Function {
    let n_locals = blocks
        .iter()
        .flat_map(|b| &b.ops)
        .filter_map(|op| match op {
            Op::LocalGet(l) | Op::LocalSet(l) => Some(l.0 + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    Function { xt, name: name.into(), blocks, n_loops, n_locals }
}
