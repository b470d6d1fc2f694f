//! Constant address offsets folded into loads and stores.
//!
//! `CELLS TABLE + @`, `FLAGS I + C@` and `0 OVER FLAGS + C!` add a
//! constant base to an index right before the access. A wasm access has a
//! static offset of its own, which engines put into the machine address
//! (x86-64 `mov 0x2242e0(%base,%index,1)`), so the `+` costs nothing there:
//! one instruction less per access, and one step less on a chain where the
//! loaded value feeds the next address (a CRC's table lookup). The two are
//! not the same everywhere: the `+` wraps modulo 2^32, the wasm offset
//! does not (`-1 FLAGS + C@` reads below `FLAGS`, the folded access would
//! trap). They agree when the index is non-negative and the constant is
//! non-negative: both are below 2^31, so their sum is below 2^32. The value
//! ranges ([`super::ranges`]) prove the index non-negative: a loop index
//! with constant bounds, a byte, a masked value.
//!
//! First each block's ops are put in a form where the constant sits right
//! before the `+` that makes the address, by identities of wrapping
//! arithmetic: `1+`, `1-`, `CHAR+`, `CELL+` and `a -` become `n +`; `a X +`,
//! where X only pushes one item without reading below it (`I`, a local, a
//! computation of them), becomes `X a +`; `a + b +` becomes `a+b +`; `a +`
//! before `CELLS` moves after it as `4a +`. So `[CHAR] a - CELLS FREQ +`
//! becomes `CELLS FREQ-388 +`, and an unrolled copy's `TEXT I 1 + +` becomes
//! `I TEXT+1 +`. Then `k +` right before an access (`@`, `C@`, `!`, `C!`,
//! `+!`), or before `X SWAP` and the access (`1 SWAP +!`), becomes
//! [`Op::AtOffset`] when `k` is non-negative and the index proven so. A
//! block keeps its ops as they were unless something was folded in it.
//!
//! The index is proven within its block first, from nothing known but the
//! bounds each loop's `DO` gives it, which is cheap and enough for loop
//! indexes and values masked or loaded in the block; only blocks left
//! with an index of unknown sign get the analysis of the whole definition
//! (a byte loaded before an `IF` and used inside it).
//!
//! Runs last, after unrolling, whose copies read `I` plus a constant.
//!
//! Needs: a verified function. Guarantees: the result verifies, has the
//! same blocks and terminators, and computes the same values and touches
//! the same addresses on every path.

use crate::ir::{Function, Op};
use crate::passes::effects::Known;
use crate::passes::ranges::{Range, Ranges, State};
use crate::primitives::Prim;

/// How many rounds of rewriting one block gets at most (each round moves
/// a constant right or merges two; a block needs a few).
const MAX_ROUNDS: usize = 32;

/// Folds constant address offsets into the accesses of `func`; returns
/// how many accesses got one.
pub fn fold_offsets(func: &mut Function, known: &Known) -> usize {
    // Only a block with an access can change; most have none.
    let has_access = |ops: &[Op]| ops.iter().any(|op| matches!(*op, Op::Prim(p) if Op::takes_offset(p)));
    let canon: Vec<Vec<Op>> =
        func.blocks.iter().map(|b| if has_access(&b.ops) { canonical(&b.ops) } else { Vec::new() }).collect();
    let candidates: Vec<usize> =
        (0..canon.len()).filter(|&b| (0..canon[b].len()).any(|i| fold_at(&canon[b], i).is_some())).collect();
    if candidates.is_empty() {
        return 0;
    }
    let mut folds: Vec<Vec<usize>> = vec![Vec::new(); func.blocks.len()];
    // Most indexes are proven within their block, from the bounds their
    // loop's `DO` gives (cheap); the analysis of the whole definition runs
    // only for blocks left with an index of unknown sign.
    let local = Ranges::local(func, known);
    let start =
        State { stack: Vec::new(), locals: vec![Range::TOP; func.n_locals as usize], loops: loop_bounds(func, &local) };
    let mut unproven = Vec::new();
    for &b in &candidates {
        // The entry block starts with nothing known: the whole analysis
        // knows no more there.
        if !proven(&local, &canon[b], start.clone(), &mut folds[b]) && b != 0 {
            unproven.push(b);
        }
    }
    if !unproven.is_empty() {
        if let Some(ranges) = Ranges::new(func, known) {
            for b in unproven {
                if let Some(entry) = ranges.entry[b].clone() {
                    folds[b].clear();
                    proven(&ranges, &canon[b], entry, &mut folds[b]);
                }
            }
        }
    }
    let mut n = 0;
    for (b, ops) in canon.into_iter().enumerate() {
        if folds[b].is_empty() {
            continue;
        }
        n += folds[b].len();
        func.blocks[b].ops = folded(ops, &folds[b]);
    }
    n
}

/// Runs `ops` from `st`, pushing to `folds` each constant whose index is
/// proven non-negative; true if every one was.
fn proven(ranges: &Ranges, ops: &[Op], mut st: State, folds: &mut Vec<usize>) -> bool {
    let mut all = true;
    ranges.run_ops(ops, &mut st, |i, before| {
        if fold_at(ops, i).is_some() {
            if before.item(0).non_negative() {
                folds.push(i);
            } else {
                all = false;
            }
        }
    });
    all
}

/// The start and limit each counted loop is given, from the ops of the
/// blocks that hold its `DO` alone (the hull over several `DO`s of one
/// slot): a loop slot changes only there.
fn loop_bounds(func: &Function, local: &Ranges) -> Vec<(Range, Range)> {
    let mut bounds: Vec<Option<(Range, Range)>> = vec![None; func.n_loops as usize];
    for b in &func.blocks {
        for (k, op) in b.ops.iter().enumerate() {
            if let Op::DoInit(lp) = *op {
                let (start, limit) = local.through(&b.ops[..=k]).loops[lp.0 as usize];
                let slot = &mut bounds[lp.0 as usize];
                *slot = Some(match *slot {
                    None => (start, limit),
                    Some((s, l)) => (s.hull(start), l.hull(limit)),
                });
            }
        }
    }
    bounds.into_iter().map(|b| b.unwrap_or((Range::TOP, Range::TOP))).collect()
}

/// If `ops[i]` is the constant of an address that can be folded, the
/// index of the access it feeds: `k + P` or `k + X SWAP P`, with `k`
/// non-negative, X an op that only pushes and P an access.
fn fold_at(ops: &[Op], i: usize) -> Option<usize> {
    let (Op::Lit(k), Some(Op::Prim(Prim::Add))) = (ops.get(i)?, ops.get(i + 1)) else { return None };
    if *k < 0 {
        return None;
    }
    let access = |j: usize| matches!(ops.get(j), Some(&Op::Prim(p)) if Op::takes_offset(p));
    if access(i + 2) {
        return Some(i + 2);
    }
    let swapped = ops.get(i + 2).is_some_and(pushes_only) && ops.get(i + 3) == Some(&Op::Prim(Prim::Swap));
    (swapped && access(i + 4)).then_some(i + 4)
}

/// `ops` with the constants at `at` (found by [`fold_at`]) moved into
/// their accesses.
fn folded(ops: Vec<Op>, at: &[usize]) -> Vec<Op> {
    let mut out = ops.clone();
    for &i in at.iter().rev() {
        let (Op::Lit(k), Some(j)) = (&ops[i], fold_at(&ops, i)) else { unreachable!("found by fold_at") };
        let Op::Prim(p) = ops[j] else { unreachable!("fold_at found an access") };
        out[j] = Op::AtOffset(p, *k as u32);
        out.drain(i..i + 2);
    }
    out
}

/// Whether `op` pushes one item and reads none (nor has any other effect).
fn pushes_only(op: &Op) -> bool {
    matches!(op, Op::Lit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) | Op::FetchLit(_))
}

/// `ops` with constants moved right, towards the `+` that uses them (see
/// the module doc); the same values on every path.
fn canonical(ops: &[Op]) -> Vec<Op> {
    let mut v: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        match *op {
            Op::Prim(Prim::OnePlus | Prim::CharPlus) => v.extend([Op::Lit(1), Op::Prim(Prim::Add)]),
            Op::Prim(Prim::OneMinus) => v.extend([Op::Lit(-1), Op::Prim(Prim::Add)]),
            Op::Prim(Prim::CellPlus) => v.extend([Op::Lit(runtime::CELL as i32), Op::Prim(Prim::Add)]),
            _ => v.push(op.clone()),
        }
    }
    for _ in 0..MAX_ROUNDS {
        if !rewrite_once(&mut v) {
            break;
        }
    }
    v
}

/// One rewrite at the first place one applies; false if none does.
fn rewrite_once(v: &mut Vec<Op>) -> bool {
    use Prim::{Add, Cells, Sub};
    for i in 0..v.len() {
        let Op::Lit(a) = v[i] else { continue };
        match (v.get(i + 1), v.get(i + 2), v.get(i + 3)) {
            // a - => -a +
            (Some(Op::Prim(Sub)), ..) => {
                v[i] = Op::Lit(a.wrapping_neg());
                v[i + 1] = Op::Prim(Add);
                return true;
            }
            // a b + => a+b
            (Some(&Op::Lit(b)), Some(Op::Prim(Add)), _) => {
                v.splice(i..i + 3, [Op::Lit(a.wrapping_add(b))]);
                return true;
            }
            // a + b + => a+b +
            (Some(Op::Prim(Add)), Some(&Op::Lit(b)), Some(Op::Prim(Add))) => {
                v.splice(i..i + 4, [Op::Lit(a.wrapping_add(b)), Op::Prim(Add)]);
                return true;
            }
            // a + CELLS => CELLS 4a +
            (Some(Op::Prim(Add)), Some(Op::Prim(Cells)), _) => {
                let cells = a.wrapping_mul(runtime::CELL as i32);
                v.splice(i..i + 3, [Op::Prim(Cells), Op::Lit(cells), Op::Prim(Add)]);
                return true;
            }
            _ => {}
        }
        // a X + => X a +, for X that pushes one item from nothing.
        // (A lone constant for X was added above.)
        if let Some(len) = one_item(&v[i + 1..]) {
            let lit = v.remove(i);
            v.insert(i + len, lit);
            return true;
        }
    }
    false
}

/// The length of a start of `ops` that, run on any stack, pushes exactly
/// one item without reading the items below it and is followed by `+`,
/// and only computes (pure primitives and pushes: moving a constant past
/// it changes nothing); `None` if there is none.
fn one_item(ops: &[Op]) -> Option<usize> {
    let mut depth: i32 = 0;
    for (n, op) in ops.iter().enumerate() {
        let (ins, outs) = match op {
            op if pushes_only(op) => (0, 1),
            Op::Prim(p) if p.is_pure() => {
                let (i, o) = p.effect()?;
                (i32::from(i), i32::from(o))
            }
            _ => return None,
        };
        if ins > depth {
            return None;
        }
        depth += outs - ins;
        if depth == 1 && ops.get(n + 1) == Some(&Op::Prim(Prim::Add)) {
            return Some(n + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func, p};
    use crate::ir::{BlockId, LoopId, Term};

    const BASE: i32 = 0x10000;

    /// `FLAGS I + C@` in `N 0 DO ... LOOP`: the index is in `0..N`, so
    /// `FLAGS` becomes the load's offset.
    #[test]
    fn a_base_plus_a_counted_index_becomes_the_offset() {
        let lp = LoopId(0);
        let mut f = func(
            vec![
                block(vec![Op::Lit(100), Op::Lit(0), Op::DoInit(lp)], Term::Jump(BlockId(1))),
                block(
                    vec![Op::Lit(BASE), Op::LoopIndex(lp), p(Prim::Add), p(Prim::CFetch), p(Prim::Drop)],
                    Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) },
                ),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(fold_offsets(&mut f, &Known::new()), 1);
        assert_eq!(f.blocks[1].ops, [Op::LoopIndex(lp), Op::AtOffset(Prim::CFetch, BASE as u32), p(Prim::Drop)]);
        assert!(crate::ir::verify::verify(&f).is_empty());
    }

    /// `CELLS TABLE + @` of a masked byte, and `[CHAR] a - CELLS FREQ + 1
    /// SWAP +!` of a byte: the subtraction moves into the offset.
    #[test]
    fn constants_move_through_cells_and_swap_into_the_offset() {
        let mut f = func(
            vec![block(
                vec![
                    p(Prim::Dup),
                    Op::Lit(255),
                    p(Prim::And),
                    p(Prim::Cells),
                    Op::Lit(BASE),
                    p(Prim::Add),
                    p(Prim::Fetch),
                    p(Prim::Drop),
                    p(Prim::CFetch),
                    Op::Lit(97),
                    p(Prim::Sub),
                    p(Prim::Cells),
                    Op::Lit(BASE),
                    p(Prim::Add),
                    Op::Lit(1),
                    p(Prim::Swap),
                    p(Prim::AddStore),
                ],
                Term::Return,
            )],
            0,
        );
        assert_eq!(fold_offsets(&mut f, &Known::new()), 2);
        assert_eq!(
            f.blocks[0].ops,
            [
                p(Prim::Dup),
                Op::Lit(255),
                p(Prim::And),
                p(Prim::Cells),
                Op::AtOffset(Prim::Fetch, BASE as u32),
                p(Prim::Drop),
                p(Prim::CFetch),
                p(Prim::Cells),
                Op::Lit(1),
                p(Prim::Swap),
                Op::AtOffset(Prim::AddStore, (BASE - 4 * 97) as u32),
            ]
        );
    }

    /// An unrolled copy's `TEXT I 1 + + C@`: the copy's step joins the base.
    #[test]
    fn an_unrolled_copys_index_step_joins_the_base() {
        let lp = LoopId(0);
        let mut f = func(
            vec![
                block(vec![Op::Lit(100), Op::Lit(0), Op::DoInit(lp)], Term::Jump(BlockId(1))),
                block(
                    vec![
                        Op::Lit(BASE),
                        Op::LoopIndex(lp),
                        Op::Lit(1),
                        p(Prim::Add),
                        p(Prim::Add),
                        p(Prim::CFetch),
                        p(Prim::Drop),
                    ],
                    Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) },
                ),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(fold_offsets(&mut f, &Known::new()), 1);
        assert_eq!(f.blocks[1].ops, [Op::LoopIndex(lp), Op::AtOffset(Prim::CFetch, (BASE + 1) as u32), p(Prim::Drop)]);
    }

    /// A byte loaded before an `IF` and used as an index inside it: the
    /// block alone does not know its sign, the whole definition does.
    #[test]
    fn an_index_from_an_earlier_block_is_proven_by_the_whole_definition() {
        let mut f = func(
            vec![
                block(vec![p(Prim::CFetch), p(Prim::Dup)], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                block(vec![p(Prim::Cells), Op::Lit(BASE), p(Prim::Add), p(Prim::Fetch)], Term::Jump(BlockId(2))),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(fold_offsets(&mut f, &Known::new()), 1);
        assert_eq!(f.blocks[1].ops, [p(Prim::Cells), Op::AtOffset(Prim::Fetch, BASE as u32)]);
    }

    /// An index that may be negative (an argument) keeps its `+`, and a
    /// block where nothing folds keeps its ops exactly.
    #[test]
    fn an_index_of_unknown_sign_keeps_its_add() {
        let ops = vec![p(Prim::OnePlus), Op::Lit(BASE), p(Prim::Add), p(Prim::CFetch)];
        let mut f = func(vec![block(ops.clone(), Term::Return)], 0);
        assert_eq!(fold_offsets(&mut f, &Known::new()), 0);
        assert_eq!(f.blocks[0].ops, ops);
    }

    /// A negative constant is never an offset: `-1 FLAGS + C@` style
    /// addresses below the index stay a wrapping `+`.
    #[test]
    fn a_negative_constant_is_not_an_offset() {
        let mut f =
            func(vec![block(vec![p(Prim::CFetch), Op::Lit(-4), p(Prim::Add), p(Prim::Fetch)], Term::Return)], 0);
        assert_eq!(fold_offsets(&mut f, &Known::new()), 0);
    }
}
