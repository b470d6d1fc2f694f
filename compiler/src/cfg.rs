//! Control-flow analyses that structured emission needs: reachable blocks, reverse postorder,
//! dominators, loop headers and merge nodes.
//!
//! Dominators follow Cooper, Harvey and Kennedy, "A Simple, Fast Dominance
//! Algorithm" (2001). Only blocks reachable from the entry are analysed;
//! unreachable blocks (code after `EXIT` or `AGAIN`) are never emitted.
//!
//! Guarantees: `rpo[0]` is the entry; `idom[entry] == entry`; an edge
//! `u -> h` with `rpo_index(h) <= rpo_index(u)` is a back edge, and the graph
//! is reducible iff every back edge's target dominates its source.

use crate::ir::{BlockId, Function, Successors};

/// The analyses of one function's graph.
#[derive(Debug)]
pub struct Cfg {
    /// Reachable blocks in reverse postorder.
    pub rpo: Vec<BlockId>,
    /// Position of each block in `rpo`, or `usize::MAX` if unreachable.
    pub rpo_index: Vec<usize>,
    /// Immediate dominator of each reachable block.
    pub idom: Vec<BlockId>,
    /// Successors of each block.
    pub succs: Vec<Successors>,
    /// Whether each block is the target of a back edge.
    pub is_loop_header: Vec<bool>,
    /// Whether each block has two or more forward predecessors.
    pub is_merge: Vec<bool>,
    /// Whether every back edge goes to a block that dominates its source.
    pub reducible: bool,
}

impl Cfg {
    /// Analyses `func`, whose targets must all be resolved.
    pub fn new(func: &Function) -> Cfg {
        let n = func.blocks.len();
        let succs: Vec<Successors> = func.blocks.iter().map(|b| b.term.successors()).collect();

        // Iterative depth-first search for the postorder.
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<(BlockId, usize)> = Vec::with_capacity(n);
        stack.push((BlockId(0), 0));
        seen[0] = true;
        while let Some(&mut (b, ref mut next)) = stack.last_mut() {
            if let Some(&s) = succs[b.index()].get(*next) {
                *next += 1;
                if !seen[s.index()] {
                    seen[s.index()] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
                stack.pop();
            }
        }
        let rpo: Vec<BlockId> = post.into_iter().rev().collect();
        let mut rpo_index = vec![usize::MAX; n];
        for (i, b) in rpo.iter().enumerate() {
            rpo_index[b.index()] = i;
        }

        let preds = Preds::of(&rpo, &succs, n);
        let idom = dominators(&rpo, &rpo_index, &preds);

        let mut is_loop_header = vec![false; n];
        let mut forward_preds = vec![0u32; n];
        let mut reducible = true;
        for &b in &rpo {
            for &s in &succs[b.index()] {
                if rpo_index[s.index()] <= rpo_index[b.index()] {
                    is_loop_header[s.index()] = true;
                    if !dominates(&idom, &rpo_index, s, b) {
                        reducible = false;
                    }
                } else {
                    forward_preds[s.index()] += 1;
                }
            }
        }
        let is_merge = forward_preds.iter().map(|&c| c >= 2).collect();
        Cfg { rpo, rpo_index, idom, succs, is_loop_header, is_merge, reducible }
    }

    /// Whether `b` is reachable from the entry.
    pub fn reachable(&self, b: BlockId) -> bool {
        self.rpo_index[b.index()] != usize::MAX
    }

    /// Whether the edge `from -> to` goes backward (to a loop header).
    pub fn is_backward(&self, from: BlockId, to: BlockId) -> bool {
        self.rpo_index[to.index()] <= self.rpo_index[from.index()]
    }

    /// The children of `b` in the dominator tree, in reverse postorder.
    pub fn dom_children(&self, b: BlockId) -> Vec<BlockId> {
        self.rpo.iter().copied().filter(|&c| c != b && self.idom[c.index()] == b).collect()
    }
}

/// Which blocks of `func` its entry reaches, by the successors of their
/// terminators alone (no other analysis).
pub fn reachable_blocks(func: &Function) -> Vec<bool> {
    let mut seen = vec![false; func.blocks.len()];
    // Sized for the common case, so that the walk does not grow it.
    let mut work = Vec::with_capacity(func.blocks.len() + 1);
    work.push(0);
    while let Some(b) = work.pop() {
        if !std::mem::replace(&mut seen[b], true) {
            work.extend(func.blocks[b].term.successors().iter().map(|s| s.index()));
        }
    }
    seen
}

/// The reachable predecessors of every block, in reverse postorder of the
/// predecessor, all in one array (a definition's graph is analysed after
/// every pass that changes it, so this avoids an allocation per block).
struct Preds {
    /// Where each block's predecessors start in `flat`; block `b`'s end at
    /// `start[b + 1]`.
    start: Vec<u32>,
    flat: Vec<BlockId>,
}

impl Preds {
    fn of(rpo: &[BlockId], succs: &[Successors], n: usize) -> Preds {
        let mut start = vec![0u32; n + 1];
        for &b in rpo {
            for &s in &succs[b.index()] {
                start[s.index() + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut flat = vec![BlockId(0); start[n] as usize];
        for &b in rpo {
            for &s in &succs[b.index()] {
                flat[fill[s.index()] as usize] = b;
                fill[s.index()] += 1;
            }
        }
        Preds { start, flat }
    }

    fn of_block(&self, b: BlockId) -> &[BlockId] {
        &self.flat[self.start[b.index()] as usize..self.start[b.index() + 1] as usize]
    }
}

fn dominators(rpo: &[BlockId], rpo_index: &[usize], preds: &Preds) -> Vec<BlockId> {
    let n = rpo_index.len();
    let undefined = BlockId(u32::MAX);
    let mut idom = vec![undefined; n];
    if rpo.is_empty() {
        return idom;
    }
    idom[rpo[0].index()] = rpo[0];
    let mut changed = true;
    while changed {
        changed = false;
        for &b in &rpo[1..] {
            let mut new_idom = undefined;
            for &p in preds.of_block(b) {
                if idom[p.index()] == undefined {
                    continue;
                }
                new_idom = if new_idom == undefined { p } else { intersect(&idom, rpo_index, p, new_idom) };
            }
            if idom[b.index()] != new_idom {
                idom[b.index()] = new_idom;
                changed = true;
            }
        }
    }
    idom
}

fn intersect(idom: &[BlockId], rpo_index: &[usize], mut a: BlockId, mut b: BlockId) -> BlockId {
    while a != b {
        while rpo_index[a.index()] > rpo_index[b.index()] {
            a = idom[a.index()];
        }
        while rpo_index[b.index()] > rpo_index[a.index()] {
            b = idom[b.index()];
        }
    }
    a
}

fn dominates(idom: &[BlockId], rpo_index: &[usize], a: BlockId, mut b: BlockId) -> bool {
    loop {
        if a == b {
            return true;
        }
        let up = idom[b.index()];
        if up == b || rpo_index[up.index()] == usize::MAX {
            return false;
        }
        b = up;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, Term};

    fn graph(terms: Vec<Term>) -> Function {
        Function {
            xt: 1,
            name: "G".into(),
            blocks: terms.into_iter().map(|term| Block { ops: vec![], term }).collect(),
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn diamond_has_one_merge_and_no_loop() {
        let f = graph(vec![
            Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
            Term::Jump(BlockId(3)),
            Term::Jump(BlockId(3)),
            Term::Return,
        ]);
        let cfg = Cfg::new(&f);
        assert_eq!(cfg.rpo[0], BlockId(0));
        assert_eq!(cfg.idom[3], BlockId(0));
        assert!(cfg.is_merge[3]);
        assert!(!cfg.is_loop_header.iter().any(|&h| h));
        assert!(cfg.reducible);
    }

    #[test]
    fn while_loop_has_a_header_and_unreachable_blocks_are_skipped() {
        let f = graph(vec![
            Term::Jump(BlockId(1)),
            Term::Branch { nonzero: BlockId(2), zero: BlockId(3) },
            Term::Jump(BlockId(1)),
            Term::Return,
            Term::Return,
        ]);
        let cfg = Cfg::new(&f);
        assert!(cfg.is_loop_header[1]);
        assert!(cfg.is_backward(BlockId(2), BlockId(1)));
        assert!(!cfg.reachable(BlockId(4)));
        assert!(cfg.reducible);
        let mut kids = cfg.dom_children(BlockId(1));
        kids.sort();
        assert_eq!(kids, vec![BlockId(2), BlockId(3)]);
    }

    #[test]
    fn two_entry_loop_is_irreducible() {
        let f = graph(vec![
            Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
            Term::Jump(BlockId(2)),
            Term::Jump(BlockId(1)),
        ]);
        assert!(!Cfg::new(&f).reducible);
    }
}
