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
//! [`MAX_GRAPH_OPS`] operations ([`MAX_LOOP_GRAPH_OPS`] with a loop), no
//! locals and no call to itself. The call's
//! block is split after the call: the copy's returns jump to the rest of it,
//! and the jump chains this leaves are merged back
//! ([`super::merge_blocks`]). Colon definitions never change once compiled,
//! so this is equivalent.
//!
//! A callee with a counted loop of its own (`: COLUMN*Y ... DO ... +LOOP
//! ;`) is pasted only where the call runs inside a loop of the caller, and
//! only when both have a static stack effect (so the loop keeps its items
//! in wasm locals, as it did in its own function).
//! Forth factors an inner loop into a word as C factors it into a static
//! function; once pasted, the two loops are one nest, which the loop passes
//! see whole (a column walk four columns at a time, see `vectorize_nest`),
//! and the call's cost per outer trip is gone. Loops are lexical in the IR
//! (`I` and `J` name loop slots, never the return stack), so the copy's
//! loop slots only need renumbering.
//!
//! Needs: verified functions. Guarantees: the result verifies; the blocks
//! already there keep their numbers (the copies and the rest of a split
//! block are appended; merged blocks stay as unreachable returns); at most
//! [`MAX_GRAPH_PASTES`] calls are replaced in one function, so its size
//! stays bounded.

use std::collections::HashMap;

use crate::cfg::Cfg;
use crate::ir::{Block, BlockId, Function, LocalId, LoopId, Op, Term, Xt};
use crate::passes::effects::{infer, Known};

/// The most blocks a pasted callee may have.
pub const MAX_GRAPH_BLOCKS: usize = 6;

/// The most operations a pasted callee may have, over all its blocks (as
/// [`super::inline::MAX_INLINE_OPS`] for straight-line ones).
pub const MAX_GRAPH_OPS: usize = 24;

/// The most operations a pasted callee with a counted loop may have: twice
/// [`MAX_GRAPH_OPS`], as it is pasted only inside loops, where its call
/// cost every outer trip, and a loop word computes its bounds in the
/// open (`N CELLS +` and the like are several ops before folding).
pub const MAX_LOOP_GRAPH_OPS: usize = 2 * MAX_GRAPH_OPS;

/// The most calls replaced in one function.
pub const MAX_GRAPH_PASTES: usize = 16;

/// Whether `f` is small and branching or looping: a graph to paste. Its
/// size is that of the blocks its entry reaches: the blocks that building a
/// definition leaves behind an `EXIT` or a `REPEAT` cost nothing.
pub fn pastable(f: &Function) -> bool {
    let reached = crate::cfg::reachable_blocks(f);
    let blocks = reached.iter().filter(|&&r| r).count();
    let ops: usize = f.blocks.iter().zip(&reached).filter(|(_, &r)| r).map(|(b, _)| b.ops.len()).sum();
    (2..=MAX_GRAPH_BLOCKS).contains(&blocks)
        && ops <= if f.n_loops == 0 { MAX_GRAPH_OPS } else { MAX_LOOP_GRAPH_OPS }
        && f.n_locals == 0
        && f.blocks.iter().all(|b| {
            b.ops.iter().all(|op| match op {
                Op::Call(x) => *x != f.xt,
                Op::LocalGet(_) | Op::LocalSet(_) | Op::Vector(_) => false,
                _ => true,
            })
        })
}

/// Which blocks of `f` lie on a loop (a cycle through a back edge).
fn looped_blocks(f: &Function) -> Vec<bool> {
    let cfg = Cfg::new(f);
    let mut on = vec![false; f.blocks.len()];
    for &h in cfg.rpo.iter().filter(|h| cfg.is_loop_header[h.index()]) {
        for b in super::unroll::natural_loop(&cfg, h) {
            on[b.index()] = true;
        }
    }
    on
}

/// Pastes small branching callees into every function of `funcs`, in
/// order, using `earlier` for definitions compiled before them, and adds
/// the functions of `funcs` that can be pasted themselves to `earlier`.
/// Returns the calls inlined, as (caller, callee) pairs.
pub fn inline_graphs(funcs: &mut [Function], earlier: &mut HashMap<Xt, Function>, known: &Known) -> Vec<(Xt, Xt)> {
    let mut inlined = Vec::new();
    // `known` and the static effects of this batch's definitions so far,
    // made when a word with a loop is first up for pasting.
    let mut batch: Option<Known> = None;
    for i in 0..funcs.len() {
        let calls_loop_word = funcs[i].blocks.iter().flat_map(|b| &b.ops).any(|op| match op {
            Op::Call(x) => earlier.get(x).is_some_and(|g| g.n_loops > 0),
            _ => false,
        });
        if calls_loop_word && batch.is_none() {
            let mut k = known.clone();
            for g in &funcs[..i] {
                if let Some(e) = infer(g, &k) {
                    k.insert(g.xt, e);
                }
            }
            batch = Some(k);
        }
        let f = &mut funcs[i];
        // A loop pasted into a caller whose stack stays in memory would run
        // there, slower than in its own register-convention function.
        let effects = batch.as_ref().unwrap_or(known);
        let loops = calls_loop_word && infer(f, effects).is_some();
        let graph = |x| earlier.get(&x).filter(|g| g.n_loops == 0 || (loops && effects.contains_key(&x)));
        paste_graphs(f, &graph, &mut inlined);
        if let Some(k) = &mut batch {
            if let Some(e) = infer(f, k) {
                k.insert(f.xt, e);
            }
        }
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
    // Which blocks lie on a loop: found only when a callee with a loop of
    // its own is up for pasting, and again after each paste.
    let mut looped: Option<Vec<bool>> = None;
    while b < f.blocks.len() && pasted < MAX_GRAPH_PASTES {
        let me = f.xt;
        let mut in_loop = || looped.get_or_insert_with(|| looped_blocks(f))[b];
        let site = f.blocks[b].ops.iter().enumerate().find_map(|(i, op)| match *op {
            Op::Call(x) if x != me => graph(x).filter(|g| g.n_loops == 0 || in_loop()).map(|g| (i, x, g)),
            _ => None,
        });
        let Some((i, callee, g)) = site else {
            b += 1;
            continue;
        };
        splice(f, b, i, g);
        inlined.push((f.xt, callee));
        pasted += 1;
        looped = None;
        // The ops before the call hold no other site; the copies and the
        // rest come later in the list and are scanned in turn.
        b += 1;
    }
    if pasted > 0 {
        super::merge_blocks::merge_jump_chains(f);
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
    use crate::ir::test_builders::{block, named, p};
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
        let mut caller = named(901, "T", vec![block(vec![Op::Call(900), Op::Lit(1), p(Prim::And)], Term::Return)], 0);
        let mut inlined = Vec::new();
        let n = paste_graphs(&mut caller, &|x| (x == 900).then_some(&callee), &mut inlined);
        assert_eq!((n, inlined), (1, vec![(901, 900)]));
        assert!(crate::ir::verify::verify(&caller).is_empty(), "{caller}");
        assert!(caller.blocks.iter().all(|b| !b.ops.contains(&Op::Call(900))));
        // The call's block took the copy's entry (the jump chain merged).
        assert_eq!(caller.blocks[0].ops, vec![p(Prim::Swap)]);
        assert_eq!(caller.blocks[0].term, Term::Branch { nonzero: BlockId(2), zero: BlockId(3) });
        assert_eq!(caller.blocks[5], Block { ops: vec![Op::Lit(1), p(Prim::And)], term: Term::Return });
        assert_eq!(caller.blocks[2].term, Term::Jump(BlockId(5)));
        assert_eq!(caller.blocks[3].term, Term::Jump(BlockId(5)));
        assert_eq!(infer(&caller, &Known::new()), Some(Effect::new(2, 1)));
    }

    #[test]
    fn locals_recursion_and_size_keep_a_call() {
        let mut local = rule();
        local.blocks[1].ops.insert(0, Op::LocalGet(LocalId(0)));
        local.n_locals = 1;
        let mut recursive = rule();
        recursive.blocks[2].ops.push(Op::Call(900));
        let mut big = rule();
        big.blocks[1].ops.extend(std::iter::repeat_n(p(Prim::OnePlus), MAX_GRAPH_OPS));
        let straight = Function { blocks: vec![Block { ops: vec![], term: Term::Return }], ..rule() };
        for f in [local, recursive, big, straight] {
            assert!(!pastable(&f), "{f}");
        }
    }

    /// `: SUM ( a n -- s ) 0 ROT ROT 0 DO OVER I CELLS + @ + LOOP NIP ;`
    fn sum() -> Function {
        let l = LoopId(0);
        Function {
            xt: 902,
            name: "SUM".into(),
            blocks: vec![
                Block {
                    ops: vec![Op::Lit(0), p(Prim::Rot), p(Prim::Rot), Op::Lit(0), Op::DoInit(l)],
                    term: Term::Jump(BlockId(1)),
                },
                Block {
                    ops: vec![
                        p(Prim::Over),
                        Op::LoopIndex(l),
                        p(Prim::Cells),
                        p(Prim::Add),
                        p(Prim::Fetch),
                        p(Prim::Add),
                    ],
                    term: Term::Loop { lp: l, plus: false, body: BlockId(1), exit: BlockId(2) },
                },
                Block { ops: vec![p(Prim::Nip)], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        }
    }

    #[test]
    fn a_word_with_a_loop_is_pasted_only_inside_a_loop() {
        let callee = sum();
        assert!(pastable(&callee));
        // : T ( a n -- s ) SUM ;  keeps its call.
        let mut flat = named(903, "T", vec![block(vec![Op::Call(902)], Term::Return)], 0);
        let before = flat.clone();
        assert_eq!(paste_graphs(&mut flat, &|x| (x == 902).then_some(&callee), &mut Vec::new()), 0);
        assert_eq!(flat, before);
        // : T ( a -- a s ) 0 10 0 DO OVER 8 SUM + LOOP ;  gets a nest of two loops.
        let l = LoopId(0);
        let mut nest = Function {
            xt: 903,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![Op::Lit(0), Op::Lit(10), Op::Lit(0), Op::DoInit(l)], term: Term::Jump(BlockId(1)) },
                Block {
                    ops: vec![p(Prim::Over), Op::Lit(8), Op::Call(902), p(Prim::Add)],
                    term: Term::Loop { lp: l, plus: false, body: BlockId(1), exit: BlockId(2) },
                },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        };
        assert_eq!(paste_graphs(&mut nest, &|x| (x == 902).then_some(&callee), &mut Vec::new()), 1);
        assert!(crate::ir::verify::verify(&nest).is_empty(), "{nest}");
        assert_eq!(nest.n_loops, 2);
        assert_eq!(infer(&nest, &Known::new()), Some(Effect::new(1, 2)), "{nest}");
        // The outer body: its ops and the copy's up to the inner DO in one
        // block; the inner loop, on slot L1, loops to itself; the copy's
        // exit and the rest of the outer body are one block.
        let outer = &nest.blocks[1];
        assert_eq!(outer.ops.last(), Some(&Op::DoInit(LoopId(1))), "{nest}");
        let Term::Jump(inner) = outer.term else { panic!("{nest}") };
        let Term::Loop { lp, body, exit, .. } = nest.blocks[inner.index()].term else { panic!("{nest}") };
        assert_eq!((lp, body), (LoopId(1), inner));
        assert_eq!(nest.blocks[exit.index()].ops, vec![p(Prim::Nip), p(Prim::Add)]);
        assert!(matches!(nest.blocks[exit.index()].term, Term::Loop { lp: LoopId(0), .. }), "{nest}");
    }

    #[test]
    fn a_word_with_a_loop_stays_a_call_in_a_caller_whose_stack_stays_in_memory() {
        let l = LoopId(0);
        // : T ( a -- ? ) 10 0 DO I PICK 8 SUM LOOP ;  (PICK with a run-time index)
        let caller = |dynamic: bool| Function {
            xt: 903,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![Op::Lit(10), Op::Lit(0), Op::DoInit(l)], term: Term::Jump(BlockId(1)) },
                Block {
                    ops: [
                        if dynamic { vec![Op::LoopIndex(l), p(Prim::Pick)] } else { vec![p(Prim::Dup)] },
                        vec![Op::Lit(8), Op::Call(902), p(Prim::Drop)],
                    ]
                    .concat(),
                    term: Term::Loop { lp: l, plus: false, body: BlockId(1), exit: BlockId(2) },
                },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        };
        let known: Known = [(902, Effect::new(2, 1))].into_iter().collect();
        for (dynamic, pasted) in [(true, 0), (false, 1)] {
            let mut earlier: HashMap<Xt, Function> = [(902, sum())].into_iter().collect();
            let mut funcs = vec![caller(dynamic)];
            assert_eq!(inline_graphs(&mut funcs, &mut earlier, &known).len(), pasted, "{}", funcs[0]);
        }
        // A callee of the same batch counts once it is static.
        let mut earlier = HashMap::new();
        let mut funcs = vec![sum(), caller(false)];
        assert_eq!(inline_graphs(&mut funcs, &mut earlier, &Known::new()), vec![(903, 902)]);
    }

    #[test]
    fn pastes_per_function_are_bounded() {
        let callee = rule();
        let mut caller = named(901, "T", vec![block(vec![Op::Call(900); MAX_GRAPH_PASTES + 3], Term::Return)], 0);
        let n = paste_graphs(&mut caller, &|x| (x == 900).then_some(&callee), &mut Vec::new());
        assert_eq!(n, MAX_GRAPH_PASTES);
        assert!(crate::ir::verify::verify(&caller).is_empty());
        let calls = caller.blocks.iter().flat_map(|b| &b.ops).filter(|op| **op == Op::Call(900)).count();
        assert_eq!(calls, 3);
    }

    /// `: SKIP ( a -- a' ) BEGIN DUP C@ WHILE DUP C@ 32 = IF EXIT THEN 1+
    /// REPEAT ;` as the front end builds it: the block after `EXIT` and
    /// the one after `REPEAT` are left unreached.
    fn skip_with_exit() -> Function {
        let b = BlockId;
        Function {
            xt: 910,
            name: "SKIP".into(),
            blocks: vec![
                Block { ops: vec![], term: Term::Jump(b(1)) },
                Block { ops: vec![p(Prim::Dup), p(Prim::CFetch)], term: Term::Branch { nonzero: b(2), zero: b(7) } },
                Block {
                    ops: vec![p(Prim::Dup), p(Prim::CFetch), Op::Lit(32), p(Prim::Eq)],
                    term: Term::Branch { nonzero: b(3), zero: b(5) },
                },
                Block { ops: vec![], term: Term::Return },
                Block { ops: vec![], term: Term::Jump(b(5)) },
                Block { ops: vec![p(Prim::OnePlus)], term: Term::Jump(b(1)) },
                Block { ops: vec![], term: Term::Jump(b(7)) },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn blocks_left_unreached_do_not_count_against_a_callee() {
        let callee = skip_with_exit();
        assert!(callee.blocks.len() > MAX_GRAPH_BLOCKS, "the shape this test is about");
        assert!(pastable(&callee));
        let mut too_big = callee.clone();
        too_big.blocks[2].ops.extend((0..MAX_GRAPH_OPS).flat_map(|_| [p(Prim::Dup), p(Prim::Drop)]));
        assert!(!pastable(&too_big), "reached blocks still count");
        // : T ( a -- a' ) SKIP 1+ ;
        let mut caller = named(911, "T", vec![block(vec![Op::Call(910), p(Prim::OnePlus)], Term::Return)], 0);
        let n = paste_graphs(&mut caller, &|x| (x == 910).then_some(&callee), &mut Vec::new());
        assert_eq!(n, 1);
        assert!(crate::ir::verify::verify(&caller).is_empty());
        assert!(caller.blocks.iter().flat_map(|b| &b.ops).all(|op| *op != Op::Call(910)));
    }
}
