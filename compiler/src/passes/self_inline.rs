//! Recursive definitions inlined into themselves.
//!
//! After [`tail_loop`](super::tail_loop), a recursive definition still
//! makes one wasm call per activation for each self call that is not in
//! tail position: `FIB`'s `DUP 1- RECURSE`, `ACK`'s inner `A(m, n-1)`,
//! `TAK`'s three argument calls. A call costs a frame, a stack-limit check
//! and the spills of the values live across it, which is most of the work
//! of a small activation. This pass pastes the definition's own body (as
//! `tail_loop` left it) in place of such a call, once or twice, so each
//! wasm call runs two or three activations: gcc -O2 does the same to
//! `fib` and `ack`.
//!
//! Why it is sound: a colon definition never changes once compiled, so a
//! call of it may be replaced by a copy of its body, as
//! [`inline_graph`](super::inline_graph) does for other callees. The copy
//! gets locals and loop slots of its own (renumbered above the caller's),
//! so values the caller keeps across the call are untouched; its returns
//! become jumps to what followed the call. A frame of address locals is
//! reserved and released by ops of the body, so each pasted activation
//! still has its own. Calls push nothing on the Forth return stack (they
//! are wasm calls), so `>R`, `R>` and the return stack's limits see the
//! same depths. Recursion that goes too deep still exhausts the wasm stack
//! and ends in the same clean error: each wasm frame is larger but stands
//! for several activations.
//!
//! Only static definitions (see [`effects`](super::effects)) are changed,
//! and only while their size stays within [`MAX_BODY_OPS`] and
//! [`MAX_TOTAL_OPS`]; the effect is inferred again afterwards and must
//! not have changed, or the definition is left as it was.
//!
//! Needs: a verified function, and the effects of the words it calls in
//! `known`. Guarantees: the result verifies and has the same static
//! effect; block 0 stays the entry; the graph stays reducible (each copy
//! is a reducible graph entered at one block).

use crate::ir::{BlockId, Function, Op};
use crate::passes::effects::{block_depths, infer, Known};
use crate::passes::inline_graph::splice;

/// The most operations a definition may have for its body to be pasted
/// into itself.
pub const MAX_BODY_OPS: usize = 64;

/// The most operations a definition may have after pasting.
pub const MAX_TOTAL_OPS: usize = 256;

/// The most rounds of pasting. Each round replaces every self call by a
/// copy of the body, so after `n` rounds one wasm call runs up to `n + 1`
/// levels of the recursion.
pub const MAX_ROUNDS: usize = 2;

fn size(f: &Function) -> usize {
    f.blocks.iter().map(|b| b.ops.len()).sum()
}

fn self_calls(f: &Function) -> usize {
    f.blocks.iter().flat_map(|b| &b.ops).filter(|op| **op == Op::Call(f.xt)).count()
}

/// Pastes `func`'s body in place of its self calls, round after round
/// while the size allows. Returns the number of calls replaced.
pub fn inline_self_calls(func: &mut Function, known: &Known) -> usize {
    let body_ops = size(func);
    if body_ops > MAX_BODY_OPS || self_calls(func) == 0 {
        return 0;
    }
    let Some(effect) = infer(func, known) else { return 0 };
    let body = func.clone();
    let mut pasted = 0;
    for _ in 0..MAX_ROUNDS {
        let sites = self_calls(func);
        if sites == 0 || size(func) + sites * body_ops > MAX_TOTAL_OPS {
            break;
        }
        pasted += paste_round(func, &body);
    }
    if pasted > 0 && (infer(func, known) != Some(effect) || block_depths(func, known, effect).is_none()) {
        // Cannot happen for a faithful copy; keeping the original is the
        // safe answer if it ever does.
        *func = body;
        return 0;
    }
    pasted
}

/// Replaces every self call now in `func` by a copy of `body`. The calls
/// inside the copies are left for the next round.
fn paste_round(func: &mut Function, body: &Function) -> usize {
    // Blocks to scan: those there now, and the rest of each split block
    // (which holds the ops after a replaced call); never the copies.
    let mut scan: Vec<BlockId> = (0..func.blocks.len() as u32).map(BlockId).collect();
    let mut pasted = 0;
    while let Some(b) = scan.pop() {
        let Some(i) = func.blocks[b.index()].ops.iter().position(|op| *op == Op::Call(func.xt)) else { continue };
        splice(func, b.index(), i, body);
        scan.push(BlockId(func.blocks.len() as u32 - 1));
        pasted += 1;
    }
    pasted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::ir::{verify::verify, Block, LocalId, LoopId, Term};
    use crate::passes::effects::Effect;
    use crate::passes::tail_loop::tail_calls_to_loops;
    use crate::primitives::Prim;

    /// `: F ( n -- f ) DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;`
    /// after `tail_loop`: one self call left, in a loop with an accumulator.
    fn fib() -> Function {
        let mut f = Function {
            xt: 500,
            name: "F".into(),
            blocks: vec![
                Block {
                    ops: vec![p(Prim::Dup), Op::Lit(2), p(Prim::Lt)],
                    term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                },
                Block { ops: vec![], term: Term::Return },
                Block {
                    ops: vec![
                        p(Prim::Dup),
                        p(Prim::OneMinus),
                        Op::Call(500),
                        p(Prim::Swap),
                        Op::Lit(2),
                        p(Prim::Sub),
                        Op::Call(500),
                        p(Prim::Add),
                    ],
                    term: Term::Return,
                },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
        f
    }

    /// Runs a function of the `fib` shape on a model of the data stack:
    /// enough of an interpreter to check that pasting keeps the results.
    fn run(f: &Function, stack: &mut Vec<i32>, locals: &mut Vec<i32>, calls: &mut usize) {
        *calls += 1;
        let mut mine = vec![0; f.n_locals as usize];
        std::mem::swap(locals, &mut mine);
        let mut b = 0;
        loop {
            for op in &f.blocks[b].ops {
                match *op {
                    Op::Lit(n) => stack.push(n),
                    Op::Prim(Prim::Dup) => stack.push(*stack.last().unwrap()),
                    Op::Prim(Prim::Swap) => {
                        let n = stack.len();
                        stack.swap(n - 1, n - 2);
                    }
                    Op::Prim(Prim::OneMinus) => *stack.last_mut().unwrap() -= 1,
                    Op::Prim(q @ (Prim::Add | Prim::Sub | Prim::Lt)) => {
                        let (y, x) = (stack.pop().unwrap(), stack.pop().unwrap());
                        stack.push(match q {
                            Prim::Add => x.wrapping_add(y),
                            Prim::Sub => x.wrapping_sub(y),
                            _ => -i32::from(x < y),
                        });
                    }
                    Op::LocalGet(l) => stack.push(locals[l.0 as usize]),
                    Op::LocalSet(l) => locals[l.0 as usize] = stack.pop().unwrap(),
                    Op::Call(x) if x == f.xt => run(f, stack, locals, calls),
                    ref op => panic!("the model does not run {op}"),
                }
            }
            b = match f.blocks[b].term {
                Term::Jump(t) => t.index(),
                Term::Branch { nonzero, zero } => if stack.pop().unwrap() != 0 { nonzero } else { zero }.index(),
                Term::Return => break,
                ref t => panic!("the model does not run {t}"),
            };
        }
        std::mem::swap(locals, &mut mine);
    }

    fn fib_of(f: &Function, n: i32) -> (i32, usize) {
        let (mut stack, mut calls) = (vec![n], 0);
        run(f, &mut stack, &mut Vec::new(), &mut calls);
        assert_eq!(stack.len(), 1);
        (stack[0], calls)
    }

    #[test]
    fn fib_runs_three_levels_per_call_with_the_same_results() {
        let before = fib();
        let mut f = before.clone();
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 2);
        assert!(verify(&f).is_empty(), "{f}");
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
        // Each copy has an accumulator of its own.
        assert_eq!(f.n_locals, 3);
        assert_eq!(self_calls(&f), 1);
        for n in [0, 1, 2, 3, 10, 20] {
            let (want, calls_before) = fib_of(&before, n);
            let (got, calls_after) = fib_of(&f, n);
            assert_eq!(got, want, "fib({n})");
            assert!(calls_after * 2 <= calls_before + 1, "fib({n}): {calls_after} calls, {calls_before} before");
        }
    }

    #[test]
    fn copies_get_their_own_locals_and_loop_slots() {
        // : T ( n -- n' ) {: a :} 0 a 0 ?DO I + LOOP a IF a 1- RECURSE + THEN ;
        // (the shape matters, not the meaning: a local and a loop live
        // across the self call).
        let mut f = Function {
            xt: 600,
            name: "T".into(),
            blocks: vec![
                Block {
                    ops: vec![
                        Op::LocalSet(LocalId(0)),
                        Op::Lit(0),
                        Op::LocalGet(LocalId(0)),
                        Op::Lit(0),
                        Op::DoInit(LoopId(0)),
                    ],
                    term: Term::QDo { lp: LoopId(0), body: BlockId(1), exit: BlockId(2) },
                },
                Block {
                    ops: vec![Op::LoopIndex(LoopId(0)), p(Prim::Add)],
                    term: Term::Loop { lp: LoopId(0), plus: false, body: BlockId(1), exit: BlockId(2) },
                },
                Block {
                    ops: vec![Op::LocalGet(LocalId(0))],
                    term: Term::Branch { nonzero: BlockId(3), zero: BlockId(4) },
                },
                Block {
                    ops: vec![Op::LocalGet(LocalId(0)), p(Prim::OneMinus), Op::Call(600), p(Prim::Add)],
                    term: Term::Return,
                },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 1,
        };
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 2);
        assert!(verify(&f).is_empty(), "{f}");
        assert_eq!((f.n_locals, f.n_loops), (3, 3));
        // The first copy (blocks 5 to 9) follows the ops before the call.
        assert_eq!(f.blocks[3].term, Term::Jump(BlockId(5)));
        assert_eq!(f.blocks[5].ops[0], Op::LocalSet(LocalId(1)));
        assert_eq!(f.blocks[5].term, Term::QDo { lp: LoopId(1), body: BlockId(6), exit: BlockId(7) });
        assert_eq!(f.blocks[6].ops[0], Op::LoopIndex(LoopId(1)));
        // Its returns go on with the ops after the call (block 10).
        assert_eq!(f.blocks[9].term, Term::Jump(BlockId(10)));
        assert_eq!(f.blocks[10], Block { ops: vec![p(Prim::Add)], term: Term::Return });
        // The second round pastes into the first copy's call (block 8).
        assert_eq!(f.blocks[8].term, Term::Jump(BlockId(11)));
        assert_eq!(f.blocks[11].ops[0], Op::LocalSet(LocalId(2)));
        assert_eq!(f.blocks[16], Block { ops: vec![p(Prim::Add)], term: Term::Jump(BlockId(10)) });
    }

    #[test]
    fn dynamic_large_or_non_recursive_definitions_are_kept() {
        // A call of a word of unknown effect makes the effect dynamic.
        let mut f = fib();
        f.blocks[3].ops.insert(0, Op::Call(999));
        let before = f.clone();
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
        // Too large a body.
        let mut f = fib();
        f.blocks[1].ops.extend(std::iter::repeat_n(p(Prim::OnePlus), MAX_BODY_OPS));
        let before = f.clone();
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
        // No self call left: the tail call became a loop.
        let mut f = Function {
            xt: 400,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![p(Prim::Dup)], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block { ops: vec![p(Prim::OneMinus), Op::Call(400)], term: Term::Return },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
        let before = f.clone();
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
    }

    #[test]
    fn the_total_size_bounds_the_rounds() {
        // A body of 40 ops with three self calls: one round makes 160 ops,
        // a second would make 520, over the bound.
        let mut f = Function {
            xt: 700,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![p(Prim::Dup)], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block {
                    ops: std::iter::repeat_n([p(Prim::OneMinus), p(Prim::Dup), Op::Call(700), p(Prim::Swap)], 3)
                        .flatten()
                        .chain(std::iter::repeat_n(p(Prim::OnePlus), 24))
                        .chain(std::iter::repeat_n(p(Prim::Add), 3))
                        .collect(),
                    term: Term::Return,
                },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        let body = size(&f);
        assert_eq!(body, 40);
        let effect = infer(&f, &Known::new());
        assert!(effect.is_some());
        assert_eq!(inline_self_calls(&mut f, &Known::new()), 3);
        assert_eq!(size(&f), 4 * body - 3);
        assert_eq!(self_calls(&f), 9);
        assert_eq!(infer(&f, &Known::new()), effect);
        assert!(verify(&f).is_empty());
    }
}
