//! Source maps: the token of the source that each op and each terminator of
//! a definition came from, for the playground's per-word code view.
//!
//! While the outer interpreter compiles a definition of the program (not of
//! the prelude), it tells the definition which token it is compiling
//! ([`TokenTrace::at`]); every op appended and every block ended from then on
//! is that token's. At `;` the trace becomes a [`SourceMap`]: the
//! definition's IR as compiled from its tokens, before any pass ran, beside
//! the span of each op and terminator.
//!
//! The passes never see the map, so it costs them nothing and can never
//! change the code. When someone asks for a word's code, [`align`] matches
//! the optimized IR against the map's IR and gives each optimized op the
//! span of the op it was, or of the ops a pass put it in place of (see
//! `source_map/align.rs` for what that guarantees).
//!
//! Guarantee: recording is one store per op and per block; nothing is
//! recorded while booting or for text without a name (`EVALUATE`d strings
//! compile under the span of the token that evaluated them).

pub mod align;

use crate::ir::Block;

/// Where a token is: 1-based line and column (in characters) of its first
/// character, and its length in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub col: u32,
    /// Length in characters.
    pub len: u32,
}

/// What a definition records while it is compiled.
#[derive(Debug, Default)]
pub struct TokenTrace {
    /// The token being compiled, if it is in the definition's own source.
    pub at: Option<Span>,
    /// The input-source depth of the definition's text: tokens read at
    /// another depth (an `EVALUATE`d string, an included file) are not the
    /// definition's own and leave `at` as the token that read them.
    pub depth: usize,
    /// The span of each op, by block and position.
    ops: Vec<Vec<Option<Span>>>,
    /// The span of the token that ended each block.
    terms: Vec<Option<Span>>,
}

impl TokenTrace {
    /// A trace for a definition whose text is at input depth `depth`.
    pub fn new(depth: usize) -> Self {
        TokenTrace { depth, ..Default::default() }
    }

    /// The op at position `idx` of block `block` comes from the current
    /// token. An op popped and replaced (a peephole in a control word) is
    /// overwritten, so the map always describes the ops that are there.
    pub fn note_op(&mut self, block: usize, idx: usize) {
        if self.ops.len() <= block {
            self.ops.resize_with(block + 1, Vec::new);
        }
        let ops = &mut self.ops[block];
        if ops.len() <= idx {
            ops.resize(idx + 1, None);
        }
        ops[idx] = self.at;
    }

    /// Block `block` was ended by the current token.
    pub fn note_term(&mut self, block: usize) {
        if self.terms.len() <= block {
            self.terms.resize(block + 1, None);
        }
        self.terms[block] = self.at;
    }

    /// The map of a definition whose blocks, as compiled, are `blocks`.
    pub fn finish(mut self, blocks: &[Block]) -> SourceMap {
        self.ops.resize_with(blocks.len(), Vec::new);
        self.terms.resize(blocks.len(), None);
        for (spans, b) in self.ops.iter_mut().zip(blocks) {
            spans.resize(b.ops.len(), None);
        }
        SourceMap { blocks: blocks.to_vec(), ops: self.ops, terms: self.terms }
    }
}

/// A definition as compiled from its tokens, with the span of each op and
/// terminator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMap {
    /// The blocks before any pass ran.
    pub blocks: Vec<Block>,
    /// The span of each op of `blocks`, by block and position.
    pub ops: Vec<Vec<Option<Span>>>,
    /// The span of the token that ended each block.
    pub terms: Vec<Option<Span>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Op, Term};

    #[test]
    fn a_replaced_op_takes_the_new_token() {
        let mut t = TokenTrace::new(1);
        let (a, b) = (Span { line: 1, col: 3, len: 3 }, Span { line: 1, col: 7, len: 1 });
        t.at = Some(a);
        t.note_op(0, 0);
        t.note_op(0, 1);
        t.at = Some(b);
        t.note_op(0, 1);
        t.note_term(0);
        let blocks = [Block { ops: vec![Op::Lit(1), Op::Lit(2)], term: Term::Return }];
        let map = t.finish(&blocks);
        assert_eq!(map.ops, vec![vec![Some(a), Some(b)]]);
        assert_eq!(map.terms, vec![Some(b)]);
    }

    #[test]
    fn ops_recorded_without_a_token_have_no_span() {
        let t = TokenTrace::new(1);
        let blocks = [Block { ops: vec![Op::Lit(1)], term: Term::Return }];
        assert_eq!(t.finish(&blocks).ops, vec![vec![None]]);
    }
}
