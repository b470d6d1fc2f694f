//! Unrolling of small innermost loops.
//!
//! A loop's body is copied so that one trip around the wasm `loop` runs the
//! body `factor` times. Every copy keeps its exit tests (the `WHILE`, `UNTIL`
//! or `LOOP` test of each trip), so the meaning is unchanged; what shrinks is
//! the number of loop back edges taken. That matters because engines pay at
//! every back edge: wasmtime checks its epoch deadline there (measured: the
//! sieve's inner loop ran 2.7 times slower with the check than without), and
//! V8 checks for interrupts.
//!
//! How: for a natural loop with header `h`, copies `1..factor` of its blocks
//! are appended. In copy `j`, an edge to `h` (a back edge) goes to the
//! header of copy `j + 1`, and the last copy's back edges go to `h`; edges
//! inside the loop stay inside their copy, and edges out of the loop are
//! kept. Only `h` remains a loop header, and the graph stays reducible.
//!
//! Needs: a verified function whose targets are all resolved.
//! Guarantees: the result verifies; it executes the same ops in the same
//! order as the input on every path; only loops that contain no other loop,
//! are at most [`MAX_UNROLL_OPS`] operations and [`MAX_UNROLL_BLOCKS`]
//! blocks long, are unrolled.

use crate::cfg::Cfg;
use crate::ir::{BlockId, Function};

/// The largest loop body, in operations, that is unrolled.
pub const MAX_UNROLL_OPS: usize = 24;
/// The largest loop body, in blocks, that is unrolled.
pub const MAX_UNROLL_BLOCKS: usize = 8;

/// Unrolls every small innermost loop of `func` `factor` times. Returns the
/// number of loops unrolled.
pub fn unroll_loops(func: &mut Function, factor: usize) -> usize {
    if factor < 2 {
        return 0;
    }
    let cfg = Cfg::new(func);
    if !cfg.reducible {
        return 0;
    }
    let loops: Vec<Vec<BlockId>> = headers(&cfg).into_iter().map(|h| natural_loop(&cfg, h)).collect();
    let mut count = 0;
    for body in &loops {
        let innermost = !loops.iter().any(|other| other != body && other.iter().all(|b| body.contains(b)));
        let ops: usize = body.iter().map(|b| func.blocks[b.index()].ops.len()).sum();
        if innermost && ops <= MAX_UNROLL_OPS && body.len() <= MAX_UNROLL_BLOCKS {
            copy_body(func, body, factor);
            count += 1;
        }
    }
    count
}

/// The loop headers, in reverse postorder.
fn headers(cfg: &Cfg) -> Vec<BlockId> {
    cfg.rpo.iter().copied().filter(|h| cfg.is_loop_header[h.index()]).collect()
}

/// The blocks of the natural loop headed by `h`, header first: `h` and every
/// block that reaches one of its back edges without passing through `h`.
pub(crate) fn natural_loop(cfg: &Cfg, h: BlockId) -> Vec<BlockId> {
    let mut body = vec![h];
    let mut work: Vec<BlockId> =
        cfg.rpo.iter().copied().filter(|&b| cfg.succs[b.index()].contains(&h) && cfg.is_backward(b, h)).collect();
    while let Some(b) = work.pop() {
        if body.contains(&b) {
            continue;
        }
        body.push(b);
        for &p in &cfg.rpo {
            if cfg.succs[p.index()].contains(&b) && !body.contains(&p) {
                work.push(p);
            }
        }
    }
    body
}

/// Appends `factor - 1` copies of the loop `body` (header first) and chains
/// the back edges through them.
fn copy_body(func: &mut Function, body: &[BlockId], factor: usize) {
    let h = body[0];
    let base = func.blocks.len() as u32;
    let n = body.len() as u32;
    // The id of block `b` of the loop in copy `j` (copy 0 is the original).
    let id = |j: usize, b: BlockId| -> BlockId {
        match (j, body.iter().position(|&x| x == b)) {
            (0, _) | (_, None) => b,
            (j, Some(i)) => BlockId(base + (j as u32 - 1) * n + i as u32),
        }
    };
    let originals: Vec<_> = body.iter().map(|b| func.blocks[b.index()].clone()).collect();
    for j in 0..factor {
        let next_header = id((j + 1) % factor, h);
        for (i, block) in originals.iter().enumerate() {
            let mut copy = block.clone();
            for target in copy.term.successors_mut() {
                *target = if *target == h { next_header } else { id(j, *target) };
            }
            let at = id(j, body[i]);
            if at.index() == func.blocks.len() {
                func.blocks.push(copy);
            } else {
                func.blocks[at.index()] = copy;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, LoopId, Op, Term};
    use crate::primitives::Prim;

    fn func(blocks: Vec<Block>, n_loops: u32) -> Function {
        Function { xt: 300, name: "T".into(), blocks, n_loops, n_locals: 0 }
    }

    fn block(ops: Vec<Op>, term: Term) -> Block {
        Block { ops, term }
    }

    /// `BEGIN DUP WHILE 1- REPEAT`: b1 tests, b2 steps and jumps back.
    fn while_loop() -> Function {
        func(
            vec![
                block(vec![], Term::Jump(BlockId(1))),
                block(vec![Op::Prim(Prim::Dup)], Term::Branch { nonzero: BlockId(2), zero: BlockId(3) }),
                block(vec![Op::Prim(Prim::OneMinus)], Term::Jump(BlockId(1))),
                block(vec![], Term::Return),
            ],
            0,
        )
    }

    #[test]
    fn while_loop_is_chained_through_its_copies() {
        let mut f = while_loop();
        assert_eq!(unroll_loops(&mut f, 2), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(
            f.to_string(),
            "function T xt=300 loops=0\nb0:\n    jump b1\nb1:\n    prim DUP\n    branch b2 else b3\nb2:\n    prim 1-\n    jump b4\nb3:\n    return\nb4:\n    prim DUP\n    branch b5 else b3\nb5:\n    prim 1-\n    jump b1\n"
        );
        let cfg = Cfg::new(&f);
        assert!(cfg.reducible);
        let headers: Vec<_> = headers(&cfg);
        assert_eq!(headers, vec![BlockId(1)]);
    }

    #[test]
    fn counted_loop_keeps_its_test_in_every_copy() {
        // 10 0 DO I DROP LOOP
        let mut f = func(
            vec![
                block(vec![Op::Lit(10), Op::Lit(0), Op::DoInit(LoopId(0))], Term::Jump(BlockId(1))),
                block(
                    vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::Drop)],
                    Term::Loop { lp: LoopId(0), plus: false, body: BlockId(1), exit: BlockId(2) },
                ),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(unroll_loops(&mut f, 4), 1);
        assert_eq!(f.blocks.len(), 6);
        let bodies: Vec<_> = [1, 3, 4, 5]
            .iter()
            .map(|&i| match f.blocks[i].term {
                Term::Loop { body, exit, .. } => (body.0, exit.0),
                ref t => panic!("{t}"),
            })
            .collect();
        assert_eq!(bodies, vec![(3, 2), (4, 2), (5, 2), (1, 2)]);
        assert!(crate::ir::verify::verify(&f).is_empty());
    }

    #[test]
    fn outer_loops_and_big_loops_are_left_alone() {
        // An outer loop around the WHILE loop: only the inner one unrolls.
        let mut f = func(
            vec![
                block(vec![], Term::Jump(BlockId(1))),
                block(vec![Op::Prim(Prim::Dup)], Term::Branch { nonzero: BlockId(2), zero: BlockId(3) }),
                block(vec![Op::Prim(Prim::OneMinus)], Term::Jump(BlockId(1))),
                block(vec![Op::Prim(Prim::Dup)], Term::Branch { nonzero: BlockId(1), zero: BlockId(4) }),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(unroll_loops(&mut f, 2), 1);
        assert!(Cfg::new(&f).reducible);

        let mut big = while_loop();
        big.blocks[2].ops = vec![Op::Prim(Prim::OneMinus); MAX_UNROLL_OPS];
        assert_eq!(unroll_loops(&mut big, 2), 0);
        assert_eq!(big, {
            let mut b = while_loop();
            b.blocks[2].ops = vec![Op::Prim(Prim::OneMinus); MAX_UNROLL_OPS];
            b
        });
    }

    #[test]
    fn factor_one_changes_nothing() {
        let mut f = while_loop();
        assert_eq!(unroll_loops(&mut f, 1), 0);
        assert_eq!(f, while_loop());
    }
}
