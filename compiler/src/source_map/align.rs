//! Which token each op of an optimized definition came from: the optimized
//! IR matched against the IR its tokens compiled to ([`SourceMap`]).
//!
//! Both are read as one sequence (blocks in reverse postorder, each block's
//! ops then its terminator: so the blocks a pass pasted in, which it numbers
//! after all others, are read where control reaches them) and matched by a longest common subsequence, ops by equality
//! and terminators by kind. What no pass touched matches itself, so it keeps
//! its own token exactly. Every optimized op left over sits in a gap between
//! two matched items, where the passes replaced some source ops by others;
//! it takes, in this order of preference:
//! - the span of an equal op replaced in the same gap (if-conversion keeps
//!   the arms' ops, a popcount loop keeps its `+`);
//! - the span of a source op replaced in the gap, shared out in order: the
//!   `i`-th of `r` such optimized items takes the `i * k / r`-th of the `k`
//!   replaced ops, so each inlined word's body is its own call site's (as
//!   Compiler Explorer users expect of the word they are viewing), and
//!   `SQ SQ` inlined gives the first `SQ` the first copy;
//! - when the gap replaced nothing (an unrolled or self-inlined copy), the
//!   span of the first equal op anywhere in the source.
//!
//! Otherwise it has none (the frame of address locals, code a pass made up
//! from nothing).
//!
//! Guarantee: the result has one entry per op and terminator of the
//! optimized function, and costs time only when asked for: a definition of
//! `n` items optimized into `m` takes `n * m` steps, bounded by
//! [`MAX_CELLS`], beyond which only the gap rules apply over the whole
//! definition.

use super::{SourceMap, Span};
use crate::cfg::Cfg;
use crate::ir::{Block, Function, Op, Term};

/// The largest table of the subsequence match, in cells (16 MB).
pub const MAX_CELLS: usize = 4 << 20;

/// The spans of an optimized function's ops and terminators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// By block and position.
    pub ops: Vec<Vec<Option<Span>>>,
    /// By block.
    pub terms: Vec<Option<Span>>,
}

/// One element of the sequence a function is read as.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Item<'a> {
    Op(&'a Op),
    /// A terminator's kind, whatever its targets (passes renumber blocks).
    Term(u8),
}

fn term_kind(t: &Term) -> u8 {
    match t {
        Term::Jump(_) => 0,
        Term::Branch { .. } => 1,
        Term::QDo { .. } => 2,
        Term::Loop { plus: false, .. } => 3,
        Term::Loop { plus: true, .. } => 4,
        Term::Return => 5,
    }
}

/// Where an item of the optimized function is: block and position, `None`
/// for the terminator.
type Place = (usize, Option<usize>);

/// Attributes each op and terminator of `f` to a token of `map`.
pub fn align(map: &SourceMap, f: &Function) -> Attribution {
    let mut src: Vec<(Item, Option<Span>)> = Vec::new();
    for b in order(&map.blocks) {
        let block = &map.blocks[b];
        src.extend(block.ops.iter().zip(&map.ops[b]).map(|(op, &s)| (Item::Op(op), s)));
        src.push((Item::Term(term_kind(&block.term)), map.terms[b]));
    }
    let mut dst: Vec<(Item, Place)> = Vec::new();
    for b in order(&f.blocks) {
        let block = &f.blocks[b];
        dst.extend(block.ops.iter().enumerate().map(|(i, op)| (Item::Op(op), (b, Some(i)))));
        dst.push((Item::Term(term_kind(&block.term)), (b, None)));
    }
    let src_items: Vec<Item> = src.iter().map(|&(it, _)| it).collect();
    let dst_items: Vec<Item> = dst.iter().map(|&(it, _)| it).collect();
    let matched = common_subsequence(&src_items, &dst_items);

    let mut out = Attribution {
        ops: f.blocks.iter().map(|b| vec![None; b.ops.len()]).collect(),
        terms: vec![None; f.blocks.len()],
    };
    // The source items replaced in the current gap: those after the last
    // matched one and before the next.
    let next_match = |from: usize| matched[from..].iter().flatten().next().copied().unwrap_or(src.len());
    let mut spans: Vec<Option<Span>> = vec![None; dst.len()];
    let mut k = 0;
    let mut gap_start = 0;
    while k < dst.len() {
        if let Some(j) = matched[k] {
            spans[k] = src[j].1;
            gap_start = j + 1;
            k += 1;
            continue;
        }
        // The run of unmatched items `k..run_end`, and the source items
        // replaced there.
        let run_end = (k..dst.len()).find(|&x| matched[x].is_some()).unwrap_or(dst.len());
        let gap_end = next_match(k);
        let gap = &src[gap_start.min(gap_end)..gap_end];
        let mut shared = Vec::new();
        for x in k..run_end {
            let equal = |s: &&(Item, Option<Span>)| s.0 == dst[x].0 && s.1.is_some();
            match gap.iter().find(equal) {
                Some(s) => spans[x] = s.1,
                None if gap.is_empty() => spans[x] = src.iter().find(equal).and_then(|s| s.1),
                None => shared.push(x),
            }
        }
        let replaced: Vec<Span> = gap.iter().filter(|s| matches!(s.0, Item::Op(_))).filter_map(|s| s.1).collect();
        if !replaced.is_empty() {
            for (n, &x) in shared.iter().enumerate() {
                spans[x] = Some(replaced[n * replaced.len() / shared.len()]);
            }
        }
        k = run_end;
    }
    for (&(_, (b, i)), span) in dst.iter().zip(spans) {
        match i {
            Some(i) => out.ops[b][i] = span,
            None => out.terms[b] = span,
        }
    }
    out
}

/// The blocks in reverse postorder, then the unreachable ones; in plain
/// order if a target is not a block (a definition that failed half-way).
fn order(blocks: &[Block]) -> Vec<usize> {
    let resolved = blocks.iter().all(|b| b.term.successors().iter().all(|s| s.index() < blocks.len()));
    if !resolved || blocks.is_empty() {
        return (0..blocks.len()).collect();
    }
    let func = Function { xt: 0, name: String::new(), blocks: blocks.to_vec(), n_loops: 0, n_locals: 0 };
    let cfg = Cfg::new(&func);
    let mut out: Vec<usize> = cfg.rpo.iter().map(|b| b.index()).collect();
    out.extend((0..blocks.len()).filter(|&b| cfg.rpo_index[b] == usize::MAX));
    out
}

/// For each item of `b`, the index of the item of `a` it is matched with in
/// a longest common subsequence; nothing matched if the table would be
/// larger than [`MAX_CELLS`].
fn common_subsequence(a: &[Item], b: &[Item]) -> Vec<Option<usize>> {
    let (n, m) = (a.len(), b.len());
    let mut res = vec![None; m];
    if (n + 1).saturating_mul(m + 1) > MAX_CELLS {
        return res;
    }
    // `len[i][j]`: the longest common subsequence of `a[i..]` and `b[j..]`.
    let w = m + 1;
    let mut len = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i * w + j] =
                if a[i] == b[j] { len[(i + 1) * w + j + 1] + 1 } else { len[(i + 1) * w + j].max(len[i * w + j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            res[j] = Some(i);
            i += 1;
            j += 1;
        } else if len[(i + 1) * w + j] >= len[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::func;
    use crate::ir::BlockId;
    use crate::primitives::Prim;

    fn s(col: u32) -> Option<Span> {
        Some(Span { line: 1, col, len: 1 })
    }

    #[test]
    fn untouched_ops_keep_their_tokens() {
        let blocks = vec![Block { ops: vec![Op::Prim(Prim::Dup), Op::Prim(Prim::Mul)], term: Term::Return }];
        let map = SourceMap { blocks: blocks.clone(), ops: vec![vec![s(5), s(9)]], terms: vec![s(11)] };
        let a = align(&map, &func(blocks, 0));
        assert_eq!(a.ops, vec![vec![s(5), s(9)]]);
        assert_eq!(a.terms, vec![s(11)]);
    }

    /// An inlined call's body is attributed to the call's token.
    #[test]
    fn an_inlined_body_takes_the_call_site() {
        let before = vec![Block { ops: vec![Op::Lit(3), Op::Call(200), Op::Prim(Prim::Drop)], term: Term::Return }];
        let map = SourceMap { blocks: before, ops: vec![vec![s(1), s(3), s(7)]], terms: vec![s(12)] };
        let after = func(
            vec![Block {
                ops: vec![Op::Lit(3), Op::Prim(Prim::Dup), Op::Prim(Prim::Mul), Op::Prim(Prim::Drop)],
                term: Term::Return,
            }],
            0,
        );
        let a = align(&map, &after);
        assert_eq!(a.ops, vec![vec![s(1), s(3), s(3), s(7)]]);
    }

    /// Two calls inlined side by side: each body takes its own call.
    #[test]
    fn bodies_inlined_in_a_row_share_out_their_calls() {
        let before = vec![Block { ops: vec![Op::Call(200), Op::Call(200)], term: Term::Return }];
        let map = SourceMap { blocks: before, ops: vec![vec![s(3), s(6)]], terms: vec![s(9)] };
        let (dup, mul) = (Op::Prim(Prim::Dup), Op::Prim(Prim::Mul));
        let after = func(vec![Block { ops: vec![dup.clone(), mul.clone(), dup, mul], term: Term::Return }], 0);
        assert_eq!(align(&map, &after).ops, vec![vec![s(3), s(3), s(6), s(6)]]);
    }

    /// A copy that replaced nothing (an unrolled body) takes the span of
    /// the equal source op, and a made-up op has none.
    #[test]
    fn copies_take_the_span_of_their_original() {
        let body = Block { ops: vec![Op::Prim(Prim::OnePlus)], term: Term::Jump(BlockId(1)) };
        let map = SourceMap {
            blocks: vec![body.clone(), Block { ops: vec![], term: Term::Return }],
            ops: vec![vec![s(4)], vec![]],
            terms: vec![None, s(8)],
        };
        let after = func(
            vec![
                body,
                Block { ops: vec![], term: Term::Return },
                Block { ops: vec![Op::Prim(Prim::OnePlus), Op::Popcount], term: Term::Jump(BlockId(1)) },
            ],
            0,
        );
        let a = align(&map, &after);
        assert_eq!(a.ops[2], vec![s(4), None]);
    }
}
