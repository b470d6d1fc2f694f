//! Inlining of small definitions that branch: the callee's blocks are
//! copied into the caller in place of the call.
//!
//! Forth programs factor into many small words, and many of them decide
//! something: `: RULE ( alive n -- 0|1 ) SWAP IF 2 4 WITHIN ELSE 3 = THEN
//! 1 AND ;`, `: CLAMP ... 2DUP > IF ... THEN ;`. [`super::inline`] pastes
//! only straight-line bodies; a call of a word with an `IF` stays a call,
//! which costs more than the word in a hot loop, and hides the caller's
//! stack items from the callee. C compilers inline such static functions.
//!
//! A callee qualifies when it has at most [`MAX_GRAPH_BLOCKS`] blocks and
//! [`MAX_GRAPH_OPS`] operations, no counted loop, no locals, no call to
//! itself, and ends only in jumps, branches and returns. The call's block
//! is split after the call: the copy's returns jump to the rest of it.
//! Colon definitions never change once compiled, so this is equivalent.
//!
//! Needs: verified functions. Guarantees: the result verifies; the blocks
//! already there keep their numbers (the copies and the rest of a split
//! block are appended); at most [`MAX_GRAPH_PASTES`] calls are replaced in
//! one function, so its size stays bounded.

use std::collections::HashMap;

use crate::ir::{Block, BlockId, Function, LocalId, LoopId, Op, Term, Xt};

/// The most blocks a pasted callee may have.
pub const MAX_GRAPH_BLOCKS: usize = 6;

/// The most operations a pasted callee may have, over all its blocks (as
/// [`super::inline::MAX_INLINE_OPS`] for straight-line ones).
pub const MAX_GRAPH_OPS: usize = 24;

/// The most calls replaced in one function.
pub const MAX_GRAPH_PASTES: usize = 16;

/// Whether `f` is small, loop-free and branching: a graph to paste.
pub fn pastable(f: &Function) -> bool {
    let ops: usize = f.blocks.iter().map(|b| b.ops.len()).sum();
    (2..=MAX_GRAPH_BLOCKS).contains(&f.blocks.len())
        && ops <= MAX_GRAPH_OPS
        && f.n_loops == 0
        && f.n_locals == 0
        && f.blocks.iter().all(|b| {
            matches!(b.term, Term::Jump(_) | Term::Branch { .. } | Term::Return)
                && b.ops.iter().all(|op| match op {
                    Op::Call(x) => *x != f.xt,
                    Op::DoInit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) | Op::LocalSet(_) => false,
                    _ => true,
                })
        })
}

/// Pastes small branching callees into every function of `funcs`, in
/// order, using `earlier` for definitions compiled before them, and adds
/// the functions of `funcs` that can be pasted themselves to `earlier`.
/// Returns the calls inlined, as (caller, callee) pairs.
pub fn inline_graphs(funcs: &mut [Function], earlier: &mut HashMap<Xt, Function>) -> Vec<(Xt, Xt)> {
    let mut inlined = Vec::new();
    for f in funcs.iter_mut() {
        paste_graphs(f, &|x| earlier.get(&x), &mut inlined);
        if pastable(f) {
            earlier.insert(f.xt, f.clone());
        }
    }
    inlined
}

/// Replaces calls in `f` of the callees `graph` gives by copies of their
/// blocks; records each as (caller, callee). Returns how many.
pub fn paste_graphs<'g>(
    f: &mut Function,
    graph: &dyn Fn(Xt) -> Option<&'g Function>,
    inlined: &mut Vec<(Xt, Xt)>,
) -> usize {
    let mut pasted = 0;
    let mut b = 0;
    while b < f.blocks.len() && pasted < MAX_GRAPH_PASTES {
        let me = f.xt;
        let site = f.blocks[b].ops.iter().enumerate().find_map(|(i, op)| match *op {
            Op::Call(x) if x != me => graph(x).map(|g| (i, x, g)),
            _ => None,
        });
        let Some((i, callee, g)) = site else {
            b += 1;
            continue;
        };
        splice(f, b, i, g);
        inlined.push((f.xt, callee));
        pasted += 1;
        // The ops before the call hold no other site; the copies and the
        // rest come later in the list and are scanned in turn.
        b += 1;
    }
    pasted
}

/// Replaces the call at `f.blocks[b].ops[i]` by a copy of `g`'s blocks:
/// the block is split after the call, the copy's entry follows the ops
/// before it, and the copy's returns jump to the ops after it. The copy's
/// locals and loop slots are renumbered above `f`'s own, so that they never
/// share a slot with a value of `f` that lives across the call. The copies
/// and the rest of the split block are appended; no block moves.
pub fn splice(f: &mut Function, b: usize, i: usize, g: &Function) {
    let rest_ops = f.blocks[b].ops.split_off(i + 1);
    f.blocks[b].ops.pop();
    let base = f.blocks.len() as u32;
    let rest = BlockId(base + g.blocks.len() as u32);
    let rest_term = std::mem::replace(&mut f.blocks[b].term, Term::Jump(BlockId(base)));
    let (locals, loops) = (f.n_locals, f.n_loops);
    let lp = |l: LoopId| LoopId(l.0 + loops);
    for block in &g.blocks {
        let mut copy = block.clone();
        for op in &mut copy.ops {
            match op {
                Op::LocalGet(l) | Op::LocalSet(l) => *l = LocalId(l.0 + locals),
                Op::DoInit(l) | Op::LoopIndex(l) | Op::LoopLimit(l) => *l = lp(*l),
                _ => {}
            }
        }
        if copy.term == Term::Return {
            copy.term = Term::Jump(rest);
        } else {
            if let Term::QDo { lp: l, .. } | Term::Loop { lp: l, .. } = &mut copy.term {
                *l = lp(*l);
            }
            for t in copy.term.successors_mut() {
                *t = BlockId(t.0 + base);
            }
        }
        f.blocks.push(copy);
    }
    f.blocks.push(Block { ops: rest_ops, term: rest_term });
    f.n_locals += g.n_locals;
    f.n_loops += g.n_loops;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::passes::effects::{infer, Effect, Known};
    use crate::primitives::Prim;

    /// `: RULE ( alive n -- f ) SWAP IF 3 = ELSE 2 = THEN ;`
    fn rule() -> Function {
        Function {
            xt: 900,
            name: "RULE".into(),
            blocks: vec![
                Block { ops: vec![p(Prim::Swap)], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block { ops: vec![Op::Lit(3), p(Prim::Eq)], term: Term::Jump(BlockId(3)) },
                Block { ops: vec![Op::Lit(2), p(Prim::Eq)], term: Term::Return },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn a_branching_callee_is_copied_into_its_caller() {
        let callee = rule();
        assert!(pastable(&callee));
        // : T ( a n -- f' ) RULE 1 AND ;
        let mut caller = Function {
            xt: 901,
            name: "T".into(),
            blocks: vec![Block { ops: vec![Op::Call(900), Op::Lit(1), p(Prim::And)], term: Term::Return }],
            n_loops: 0,
            n_locals: 0,
        };
        let mut inlined = Vec::new();
        let n = paste_graphs(&mut caller, &|x| (x == 900).then_some(&callee), &mut inlined);
        assert_eq!((n, inlined), (1, vec![(901, 900)]));
        assert!(crate::ir::verify::verify(&caller).is_empty(), "{caller}");
        assert!(caller.blocks.iter().all(|b| !b.ops.contains(&Op::Call(900))));
        assert_eq!(caller.blocks[0].term, Term::Jump(BlockId(1)));
        assert_eq!(caller.blocks[5], Block { ops: vec![Op::Lit(1), p(Prim::And)], term: Term::Return });
        assert_eq!(caller.blocks[3].term, Term::Jump(BlockId(5)));
        assert_eq!(infer(&caller, &Known::new()), Some(Effect::new(2, 1)));
    }

    #[test]
    fn loops_locals_recursion_and_size_keep_a_call() {
        let mut looping = rule();
        looping.n_loops = 1;
        let mut recursive = rule();
        recursive.blocks[2].ops.push(Op::Call(900));
        let mut big = rule();
        big.blocks[1].ops.extend(std::iter::repeat_n(p(Prim::OnePlus), MAX_GRAPH_OPS));
        let straight = Function { blocks: vec![Block { ops: vec![], term: Term::Return }], ..rule() };
        for f in [looping, recursive, big, straight] {
            assert!(!pastable(&f), "{f}");
        }
    }

    #[test]
    fn pastes_per_function_are_bounded() {
        let callee = rule();
        let mut caller = Function {
            xt: 901,
            name: "T".into(),
            blocks: vec![Block { ops: vec![Op::Call(900); MAX_GRAPH_PASTES + 3], term: Term::Return }],
            n_loops: 0,
            n_locals: 0,
        };
        let n = paste_graphs(&mut caller, &|x| (x == 900).then_some(&callee), &mut Vec::new());
        assert_eq!(n, MAX_GRAPH_PASTES);
        assert!(crate::ir::verify::verify(&caller).is_empty());
        let calls = caller.blocks.iter().flat_map(|b| &b.ops).filter(|op| **op == Op::Call(900)).count();
        assert_eq!(calls, 3);
    }
}
