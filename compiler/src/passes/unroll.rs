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
//! A counted loop whose trips are known at compile time and a multiple of
//! the factor (`COEFFS DUP 31 CELLS + DO ... -1 CELLS +LOOP`, `8 0 DO ...
//! LOOP`) needs no test between its copies: value ranges
//! ([`super::ranges`]) over the block of its `DO` and over its latch give
//! its start, limit and step as constants, a simulation of the
//! index with the `+LOOP` crossing rule gives the trips, and then copy `j`
//! reads its index as `I + j*step`, the copies before the last jump on,
//! and the last steps by `factor*step` and tests once. That removes most
//! of a tight loop's bookkeeping, as a C compiler's unrolling of a loop
//! with a constant trip count does.
//!
//! Needs: a verified function whose targets are all resolved.
//! Guarantees: the result verifies; it executes the same ops in the same
//! order as the input on every path (for a loop without tests between
//! copies, the same ops but for the index reads, which give the same
//! values, and the tests that could not succeed); only loops that contain
//! no other loop, are at most [`MAX_UNROLL_OPS`] operations and
//! [`MAX_UNROLL_BLOCKS`] blocks long, are unrolled.

use crate::cfg::Cfg;
use crate::ir::{BlockId, Function, LoopId, Op, Term};
use crate::passes::effects::Known;
use crate::passes::ranges::Ranges;
use crate::primitives::Prim;

/// The largest loop body, in operations, that is unrolled.
pub const MAX_UNROLL_OPS: usize = 24;
/// The largest loop body, in blocks, that is unrolled.
pub const MAX_UNROLL_BLOCKS: usize = 8;

/// The most trips simulated to find a counted loop's trip count.
const MAX_SIMULATED_TRIPS: u32 = 1 << 16;

/// Unrolls every small innermost loop of `func` `factor` times. Returns the
/// number of loops unrolled.
pub fn unroll_loops(func: &mut Function, factor: usize, known: &Known) -> usize {
    if factor < 2 {
        return 0;
    }
    let cfg = Cfg::new(func);
    if !cfg.reducible {
        return 0;
    }
    let loops: Vec<Vec<BlockId>> = headers(&cfg).into_iter().map(|h| natural_loop(&cfg, h)).collect();
    let small: Vec<&Vec<BlockId>> = loops
        .iter()
        .filter(|body| {
            let innermost = !loops.iter().any(|other| other != *body && other.iter().all(|b| body.contains(b)));
            let ops: usize = body.iter().map(|b| func.blocks[b.index()].ops.len()).sum();
            innermost && ops <= MAX_UNROLL_OPS && body.len() <= MAX_UNROLL_BLOCKS
        })
        .collect();
    if small.is_empty() {
        return 0;
    }
    let ranges = Ranges::local(func, known);
    let plans: Vec<Option<Counted>> = small.iter().map(|body| counted_plan(func, body, &ranges, factor)).collect();
    for (body, plan) in small.iter().zip(plans) {
        let copies = copy_body(func, body, factor);
        if let Some(plan) = plan {
            untest_copies(func, &copies, plan, factor);
        }
    }
    small.len()
}

/// A counted loop whose trips are a known multiple of the factor.
#[derive(Clone, Copy, Debug)]
struct Counted {
    /// Its slot.
    lp: LoopId,
    /// Its step.
    step: i32,
    /// The position in the loop's blocks of the block whose `LOOP` or
    /// `+LOOP` goes back to the header.
    latch: usize,
}

/// How many trips a counted loop from `start` to `limit` by `step` makes,
/// by the `+LOOP` rule (the loop ends at the step that crosses from
/// `limit - 1` to `limit`, either way); `None` past [`MAX_SIMULATED_TRIPS`].
fn trips(start: i32, limit: i32, step: i32) -> Option<u32> {
    let mut diff = start.wrapping_sub(limit);
    for n in 1..=MAX_SIMULATED_TRIPS {
        let next = diff.wrapping_add(step);
        if (diff ^ next) < 0 && (diff ^ step) < 0 {
            return Some(n);
        }
        diff = next;
    }
    None
}

/// The plan for `body` if it is a counted loop whose only exit is its
/// `LOOP`/`+LOOP` test, whose start, limit and step are constants, and
/// whose trips are a multiple of `factor` that a loop stepping by `factor`
/// times the step makes exactly `factor` times fewer of.
fn counted_plan(func: &Function, body: &[BlockId], ranges: &Ranges, factor: usize) -> Option<Counted> {
    let h = body[0];
    let mut latch = None;
    for (i, &b) in body.iter().enumerate() {
        let block = &func.blocks[b.index()];
        match block.term {
            Term::Loop { lp, plus, body: back, exit } if back == h && !body.contains(&exit) => {
                let step = if plus {
                    // The step is what the latch leaves on top, computed
                    // from constants within it (`-1 CELLS +LOOP`).
                    ranges.through(&block.ops).item(0).constant().filter(|&s| s != 0)?
                } else {
                    1
                };
                if latch.replace(Counted { lp, step, latch: i }).is_some() {
                    return None;
                }
            }
            Term::Return | Term::Loop { .. } | Term::QDo { .. } => return None,
            ref t if t.successors().iter().all(|s| body.contains(s)) => {}
            _ => return None,
        }
    }
    let c = latch?;
    let slot_used_elsewhere = func.blocks.iter().enumerate().any(|(b, block)| {
        let outside = !body.contains(&BlockId(b as u32));
        block.ops.iter().any(|op| matches!(op, Op::Vector(v) if v.lp == c.lp))
            || (outside && matches!(block.term, Term::Loop { lp, .. } if lp == c.lp))
    });
    if slot_used_elsewhere {
        return None;
    }
    // The start and limit: constants computed within the block of the
    // loop's one DO (`COEFFS DUP 31 CELLS + DO`).
    let mut inits = func.blocks.iter().filter(|b| b.ops.contains(&Op::DoInit(c.lp)));
    let (Some(init), None) = (inits.next(), inits.next()) else { return None };
    let (start, limit) = ranges.through(&init.ops).loops[c.lp.0 as usize];
    let (start, limit) = (start.constant()?, limit.constant()?);
    let n = trips(start, limit, c.step)?;
    let f = u32::try_from(factor).ok()?;
    let wide = c.step.checked_mul(i32::try_from(factor).ok()?)?;
    (n % f == 0 && trips(start, limit, wide) == Some(n / f)).then_some(c)
}

/// Takes the tests out of all copies but the last of a counted loop
/// (`copies[j]`: the blocks of copy `j`, in the loop's order): copy `j`
/// reads its index as `I + j*step`, the copies before the last go on to
/// the next, and the last steps by `factor*step`.
fn untest_copies(func: &mut Function, copies: &[Vec<BlockId>], c: Counted, factor: usize) {
    for (j, blocks) in copies.iter().enumerate() {
        let offset = c.step.wrapping_mul(j as i32);
        for &b in blocks {
            let ops = std::mem::take(&mut func.blocks[b.index()].ops);
            let mut out = Vec::with_capacity(ops.len());
            for op in ops {
                let index = op == Op::LoopIndex(c.lp);
                out.push(op);
                if index && j > 0 {
                    out.extend([Op::Lit(offset), Op::Prim(Prim::Add)]);
                }
            }
            func.blocks[b.index()].ops = out;
        }
        let latch = &mut func.blocks[blocks[c.latch].index()];
        let Term::Loop { plus, body, exit, lp } = latch.term else {
            unreachable!("the plan's latch ends in a loop test")
        };
        // The step the latch computed is not used any more (the compiler
        // back end drops the dead arithmetic).
        if plus {
            latch.ops.push(Op::Prim(Prim::Drop));
        }
        latch.term = if j + 1 < factor {
            Term::Jump(body)
        } else {
            latch.ops.push(Op::Lit(c.step.wrapping_mul(factor as i32)));
            Term::Loop { lp, plus: true, body, exit }
        };
    }
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
/// the back edges through them. Returns the blocks of each copy, the
/// original first, each in the order of `body`.
fn copy_body(func: &mut Function, body: &[BlockId], factor: usize) -> Vec<Vec<BlockId>> {
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
    (0..factor).map(|j| body.iter().map(|&b| id(j, b)).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func};

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
        assert_eq!(unroll_loops(&mut f, 2, &Known::new()), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(
            f.to_string(),
            "function T xt=1000 loops=0\nb0:\n    jump b1\nb1:\n    prim DUP\n    branch b2 else b3\nb2:\n    prim 1-\n    jump b4\nb3:\n    return\nb4:\n    prim DUP\n    branch b5 else b3\nb5:\n    prim 1-\n    jump b1\n"
        );
        let cfg = Cfg::new(&f);
        assert!(cfg.reducible);
        let headers: Vec<_> = headers(&cfg);
        assert_eq!(headers, vec![BlockId(1)]);
    }

    #[test]
    fn trips_follow_the_plus_loop_rule() {
        assert_eq!(trips(0, 10, 1), Some(10));
        assert_eq!(trips(0, 10, 3), Some(4));
        assert_eq!(trips(1124, 1000, -4), Some(32));
        assert_eq!(trips(5, 5, 1), None, "DO with start = limit runs through every cell value");
        assert_eq!(trips(10, 0, 1), None, "too many to simulate");
    }

    /// `8 0 DO I , LOOP` (as a store through the index).
    fn eight_trips(step_op: bool) -> Function {
        let (plus, latch_ops) = match step_op {
            true => (true, vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::Drop), Op::Lit(1)]),
            false => (false, vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::Drop)]),
        };
        func(
            vec![
                block(vec![Op::Lit(8), Op::Lit(0), Op::DoInit(LoopId(0))], Term::Jump(BlockId(1))),
                block(latch_ops, Term::Loop { lp: LoopId(0), plus, body: BlockId(1), exit: BlockId(2) }),
                block(vec![], Term::Return),
            ],
            1,
        )
    }

    #[test]
    fn a_loop_of_known_trips_tests_once_per_round() {
        for plus in [false, true] {
            let mut f = eight_trips(plus);
            assert_eq!(unroll_loops(&mut f, 4, &Known::new()), 1);
            assert!(crate::ir::verify::verify(&f).is_empty(), "{f}");
            // Copies 1 and 2 (blocks 3, 4) jump on; the last (block 5) steps by 4.
            assert_eq!(f.blocks[1].term, Term::Jump(BlockId(3)), "{f}");
            assert_eq!(f.blocks[3].term, Term::Jump(BlockId(4)), "{f}");
            assert_eq!(f.blocks[4].term, Term::Jump(BlockId(5)), "{f}");
            assert_eq!(f.blocks[5].term, Term::Loop { lp: LoopId(0), plus: true, body: BlockId(1), exit: BlockId(2) });
            assert_eq!(f.blocks[5].ops.last(), Some(&Op::Lit(4)));
            assert_eq!(f.blocks[1].ops[..2], [Op::LoopIndex(LoopId(0)), Op::Prim(Prim::Drop)]);
            assert_eq!(
                f.blocks[4].ops[..4],
                [Op::LoopIndex(LoopId(0)), Op::Lit(2), Op::Prim(Prim::Add), Op::Prim(Prim::Drop)]
            );
        }
    }

    #[test]
    fn a_loop_that_leaves_early_keeps_every_test() {
        // 8 0 DO I IF LEAVE THEN LOOP: the body has a second exit.
        let mut f = func(
            vec![
                block(vec![Op::Lit(8), Op::Lit(0), Op::DoInit(LoopId(0))], Term::Jump(BlockId(1))),
                block(vec![Op::LoopIndex(LoopId(0))], Term::Branch { nonzero: BlockId(3), zero: BlockId(2) }),
                block(vec![], Term::Loop { lp: LoopId(0), plus: false, body: BlockId(1), exit: BlockId(3) }),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(unroll_loops(&mut f, 4, &Known::new()), 1);
        let tests = f.blocks.iter().filter(|b| matches!(b.term, Term::Loop { .. })).count();
        assert_eq!(tests, 4, "{f}");
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
        assert_eq!(unroll_loops(&mut f, 4, &Known::new()), 1);
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
        assert_eq!(unroll_loops(&mut f, 2, &Known::new()), 1);
        assert!(Cfg::new(&f).reducible);

        let mut big = while_loop();
        big.blocks[2].ops = vec![Op::Prim(Prim::OneMinus); MAX_UNROLL_OPS];
        assert_eq!(unroll_loops(&mut big, 2, &Known::new()), 0);
        assert_eq!(big, {
            let mut b = while_loop();
            b.blocks[2].ops = vec![Op::Prim(Prim::OneMinus); MAX_UNROLL_OPS];
            b
        });
    }

    #[test]
    fn factor_one_changes_nothing() {
        let mut f = while_loop();
        assert_eq!(unroll_loops(&mut f, 1, &Known::new()), 0);
        assert_eq!(f, while_loop());
    }
}
