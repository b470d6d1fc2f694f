//! Variables kept in locals across loops: a fetch of a `VARIABLE` inside a
//! loop that nothing in the loop can store to is done once, before the
//! loop, and a store to the variable in the loop also sets the local, so
//! later fetches take the stored value without reading memory.
//!
//! `mid @` and `hi @` in a merge loop, or bounds kept in variables, are
//! loads that engines cannot move: every store the loop makes might write
//! them, and Cranelift keeps loads and stores to linear memory in order.
//! Here the question is answered from what the loop does:
//!
//! - The candidates are fetches of a constant address (`Lit a @`, how a
//!   `VARIABLE` or `CREATE`d word is fetched) inside data space, where
//!   the stacks never are, so pushing, popping and spilling items (which
//!   write the stacks in memory) never touch them.
//! - A loop qualifies only if every op in it that may write data space
//!   writes at an address the range analysis (`passes::ranges`) knows
//!   exactly: no calls (a word, a host word or `EXECUTE` may store
//!   anywhere), no `MOVE`, `FILL`, `,` and their kin, no store through an
//!   address computed at run time, even one that might only equal the
//!   variable's address on some trip.
//! - A variable is promoted if no such store overlaps its cell except
//!   whole-cell stores (`!`, `+!`, `TO`) to exactly its address. Those stay
//!   (memory is always up to date, so exits, `THROW`s and callers after
//!   the loop see what they would have seen) and also set the local: that
//!   is store-to-load forwarding.
//!
//! The fetch moves to a new block before the loop's header, which every
//! edge entering the loop now goes through; the local is read instead of
//! memory inside the loop. The loaded address is in data space, so the
//! extra load, on a path where the loop never fetched the variable, cannot
//! trap.
//!
//! Needs: a verified function. Guarantees: the result verifies; loops keep
//! their headers; the function computes the same values and leaves memory
//! the same on every path.

use crate::cfg::Cfg;
use crate::ir::{Block, BlockId, Function, LocalId, Op, Term};
use crate::passes::effects::Known;
use crate::passes::ranges::Ranges;
use crate::passes::unroll::natural_loop;
use crate::primitives::Prim;

/// What an op may write in data space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Write {
    /// Nothing (it may write the stacks, which are not in data space).
    Nothing,
    /// `width` bytes at the address on top of the stack.
    AtTop { width: u32 },
    /// A cell at a fixed address (`TO` of a `VALUE`).
    Cell(u32),
    /// Anything.
    Anything,
}

/// What a primitive may write. Every primitive that writes memory other
/// than the stacks is listed; the rest only read memory or work on the
/// stacks.
fn prim_write(p: Prim) -> Write {
    use Prim::*;
    match p {
        Store | AddStore | SFStore => Write::AtTop { width: 4 },
        CStore => Write::AtTop { width: 1 },
        TwoStore | FStore | DFStore => Write::AtTop { width: 8 },
        Comma | CComma | FComma | Allot | Align | FAlign | SFAlign | DFAlign | Fill | Erase | Move | CMove
        | CMoveUp | DeferStore | Execute | LocalsAllot | LocalsFree => Write::Anything,
        _ => Write::Nothing,
    }
}

fn op_write(op: &Op) -> Write {
    match *op {
        Op::Prim(p) => prim_write(p),
        // The address is the top plus the offset, which `AtTop` cannot say.
        Op::AtOffset(p, _) if prim_write(p) != Write::Nothing => Write::Anything,
        Op::AtOffset(..) => Write::Nothing,
        Op::StoreLit(a) => Write::Cell(a),
        Op::Call(_) => Write::Anything,
        // Vectorized trips of a map store through computed addresses.
        Op::Vector(_) => Write::Anything,
        Op::Lit(_)
        | Op::FetchLit(_)
        | Op::DoInit(_)
        | Op::LoopIndex(_)
        | Op::LoopLimit(_)
        | Op::LocalGet(_)
        | Op::LocalSet(_)
        | Op::Popcount
        | Op::Select
        | Op::DivU(_) => Write::Nothing,
    }
}

/// The address a fetch at the start of `ops` reads: `Lit a @` (a
/// `VARIABLE`) or a `VALUE`'s fetch.
fn fetched_at(ops: &[Op]) -> Option<u32> {
    match ops {
        [Op::Lit(a), Op::Prim(Prim::Fetch), ..] => Some(*a as u32),
        [Op::FetchLit(a), ..] => Some(*a),
        _ => None,
    }
}

/// Candidate addresses: fetches in `blocks` of a cell inside `space`, in
/// order of first appearance.
fn fetched_cells(func: &Function, blocks: &[BlockId], space: &std::ops::Range<u32>) -> Vec<u32> {
    let mut cells = Vec::new();
    for b in blocks {
        let ops = &func.blocks[b.index()].ops;
        for i in 0..ops.len() {
            if let Some(a) = fetched_at(&ops[i..]) {
                if space.contains(&a) && a.checked_add(4).is_some_and(|end| end <= space.end) && !cells.contains(&a) {
                    cells.push(a);
                }
            }
        }
    }
    cells
}

/// One store of a loop: where it is and the bytes it may write.
#[derive(Clone, Copy, Debug)]
struct StoreAt {
    block: BlockId,
    op: usize,
    /// The first byte it may write.
    start: i64,
    /// One past the last byte it may write.
    end: i64,
    /// Whether it writes one cell at a known address (`start`).
    exact_cell: bool,
}

/// The stores of a loop; `None` if some op may write anywhere.
fn loop_stores(ranges: &Ranges, blocks: &[BlockId]) -> Option<Vec<StoreAt>> {
    let func = ranges.func();
    let mut stores = Vec::new();
    let mut unknown = false;
    for &b in blocks {
        let Some(entry) = &ranges.entry[b.index()] else { continue };
        let mut st = entry.clone();
        let ops = &func.blocks[b.index()].ops;
        ranges.run_ops(ops, &mut st, |i, before| match op_write(&ops[i]) {
            Write::Nothing => {}
            Write::Cell(a) => {
                stores.push(StoreAt { block: b, op: i, start: i64::from(a), end: i64::from(a) + 4, exact_cell: true })
            }
            // An address range that may be negative wraps around to the top
            // of memory: anything.
            Write::AtTop { width } => match before.item(0) {
                r if r.lo >= 0 => stores.push(StoreAt {
                    block: b,
                    op: i,
                    start: i64::from(r.lo),
                    end: i64::from(r.hi) + i64::from(width),
                    exact_cell: r.constant().is_some() && whole_cell_store(&ops[i]),
                }),
                _ => unknown = true,
            },
            Write::Anything => unknown = true,
        });
    }
    (!unknown).then_some(stores)
}

/// Whether `op` writes a whole cell exactly at its address, as `!`, `+!`
/// and `TO` do, so that the local can follow it.
fn whole_cell_store(op: &Op) -> bool {
    matches!(op, Op::Prim(Prim::Store | Prim::AddStore) | Op::StoreLit(_))
}

/// Promotes, in every loop of `func` where it is sound, the variables the
/// loop fetches to locals; `space` is the range of data space. Returns the
/// number of variables promoted.
pub fn promote_variables(func: &mut Function, known: &Known, space: std::ops::Range<u32>) -> usize {
    let mut count = 0;
    // Each round promotes the variables of one loop, then analyses the
    // changed function again; fetches once promoted are gone, so this ends.
    for _ in 0..func.blocks.len() {
        match promote_one_loop(func, known, &space) {
            0 => break,
            n => count += n,
        }
    }
    count
}

/// Promotes the variables of the first loop, outermost first, that has
/// any to promote; returns how many.
fn promote_one_loop(func: &mut Function, known: &Known, space: &std::ops::Range<u32>) -> usize {
    let all: Vec<BlockId> = (0..func.blocks.len() as u32).map(BlockId).collect();
    if fetched_cells(func, &all, space).is_empty() {
        return 0;
    }
    let cfg = Cfg::new(func);
    if !cfg.reducible {
        return 0;
    }
    // The value ranges cost a walk to a fixed point over the whole
    // function: they are computed only once a loop fetches a variable
    // (most fetches are outside loops).
    let mut ranges = None;
    for &h in &cfg.rpo {
        // The entry block has no predecessor to put a preheader in.
        if !cfg.is_loop_header[h.index()] || h == BlockId(0) {
            continue;
        }
        let blocks = natural_loop(&cfg, h);
        let cells = fetched_cells(func, &blocks, space);
        if cells.is_empty() {
            continue;
        }
        if ranges.is_none() {
            ranges = Some(Ranges::new(func, known));
        }
        let Some(Some(ranges)) = &ranges else { return 0 };
        let Some(stores) = loop_stores(ranges, &blocks) else { continue };
        let promoted: Vec<u32> = cells
            .into_iter()
            .filter(|&a| {
                let (a, end) = (i64::from(a), i64::from(a) + 4);
                stores.iter().all(|s| s.end <= a || end <= s.start || (s.exact_cell && s.start == a))
            })
            .collect();
        if promoted.is_empty() {
            continue;
        }
        let forwarded: Vec<(BlockId, usize, u32)> = stores
            .iter()
            .filter(|s| s.exact_cell && promoted.contains(&(s.start as u32)))
            .map(|s| (s.block, s.op, s.start as u32))
            .collect();
        rewrite(func, &cfg, h, &blocks, &promoted, &forwarded);
        return promoted.len();
    }
    0
}

/// Gives each promoted cell a local, loaded in a new preheader of `h`,
/// read instead of fetches in the loop, and set by the forwarded stores.
fn rewrite(
    func: &mut Function,
    cfg: &Cfg,
    h: BlockId,
    blocks: &[BlockId],
    promoted: &[u32],
    forwarded: &[(BlockId, usize, u32)],
) {
    let local_of =
        |func: &Function, a: u32| LocalId(func.n_locals + promoted.iter().position(|&c| c == a).unwrap() as u32);
    // Stores first, from the last op of each block backwards, so that the
    // indices of the ones not yet rewritten stay valid.
    let mut forwarded = forwarded.to_vec();
    forwarded.sort_by_key(|&(b, i, _)| (b, std::cmp::Reverse(i)));
    for &(b, i, a) in &forwarded {
        let l = local_of(func, a);
        let ops = &mut func.blocks[b.index()].ops;
        let new: Vec<Op> = match ops[i] {
            // x a -- : the address is known, so it is dropped and pushed
            // again after the value is copied to the local.
            Op::Prim(Prim::Store) => {
                vec![
                    Op::Prim(Prim::Drop),
                    Op::Prim(Prim::Dup),
                    Op::LocalSet(l),
                    Op::Lit(a as i32),
                    Op::Prim(Prim::Store),
                ]
            }
            Op::Prim(Prim::AddStore) => vec![
                Op::Prim(Prim::Drop),
                Op::LocalGet(l),
                Op::Prim(Prim::Add),
                Op::Prim(Prim::Dup),
                Op::LocalSet(l),
                Op::Lit(a as i32),
                Op::Prim(Prim::Store),
            ],
            Op::StoreLit(_) => vec![Op::Prim(Prim::Dup), Op::LocalSet(l), Op::StoreLit(a)],
            ref other => unreachable!("only whole-cell stores are forwarded, not {other}"),
        };
        ops.splice(i..=i, new);
    }
    for &b in blocks {
        let ops = std::mem::take(&mut func.blocks[b.index()].ops);
        let mut out = Vec::with_capacity(ops.len());
        let mut it = ops.into_iter().peekable();
        while let Some(op) = it.next() {
            match op {
                Op::Lit(a) if promoted.contains(&(a as u32)) && it.peek() == Some(&Op::Prim(Prim::Fetch)) => {
                    it.next();
                    out.push(Op::LocalGet(local_of(func, a as u32)));
                }
                Op::FetchLit(a) if promoted.contains(&a) => out.push(Op::LocalGet(local_of(func, a))),
                op => out.push(op),
            }
        }
        func.blocks[b.index()].ops = out;
    }
    let mut pre = Vec::new();
    for &a in promoted {
        pre.extend([Op::Lit(a as i32), Op::Prim(Prim::Fetch), Op::LocalSet(local_of(func, a))]);
    }
    let p = BlockId(func.blocks.len() as u32);
    func.blocks.push(Block { ops: pre, term: Term::Jump(h) });
    for &from in &cfg.rpo {
        if blocks.contains(&from) {
            continue;
        }
        for s in func.blocks[from.index()].term.successors_mut() {
            if *s == h {
                *s = p;
            }
        }
    }
    func.n_locals += promoted.len() as u32;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::ir::LoopId;

    const VAR: i32 = 0x30_0000;
    const OTHER: i32 = 0x30_0004;
    const SPACE: std::ops::Range<u32> = 0x22_3000..0x100_0000;

    /// `: T ( n -- ) 0 DO  VAR @ OTHER !  LOOP ;` with `body` as the loop's
    /// ops.
    fn counted_loop(body: Vec<Op>) -> Function {
        let lp = LoopId(0);
        Function {
            xt: 1,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![Op::Lit(0), Op::DoInit(lp)], term: Term::Jump(BlockId(1)) },
                Block { ops: body, term: Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) } },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        }
    }

    fn run(f: &mut Function) -> usize {
        let n = promote_variables(f, &Known::new(), SPACE);
        let errors = crate::ir::verify::verify(f);
        assert!(errors.is_empty(), "{errors:?}");
        n
    }

    /// A fetch in a loop whose only store goes to another variable moves to
    /// a preheader; the loop reads the local.
    #[test]
    fn fetch_moves_out_of_a_loop_that_stores_elsewhere() {
        let mut f = counted_loop(vec![Op::Lit(VAR), p(Prim::Fetch), Op::Lit(OTHER), p(Prim::Store)]);
        assert_eq!(run(&mut f), 1);
        assert_eq!(f.blocks[1].ops, [Op::LocalGet(LocalId(0)), Op::Lit(OTHER), p(Prim::Store)]);
        assert_eq!(f.blocks[0].term, Term::Jump(BlockId(3)));
        assert_eq!(f.blocks[3].ops, [Op::Lit(VAR), p(Prim::Fetch), Op::LocalSet(LocalId(0))]);
        assert_eq!(f.blocks[3].term, Term::Jump(BlockId(1)));
    }

    /// A variable fetched only before or after the loop stays a fetch (and
    /// the value ranges, which only a fetch inside a loop needs, are not
    /// computed): `VAR @ DROP 0 DO ... LOOP VAR @`.
    #[test]
    fn fetches_outside_loops_stay() {
        let mut f = counted_loop(vec![Op::Lit(OTHER), p(Prim::Drop)]);
        f.blocks[0].ops.splice(0..0, [Op::Lit(VAR), p(Prim::Fetch), p(Prim::Drop)]);
        f.blocks[2].ops.extend([Op::Lit(VAR), p(Prim::Fetch)]);
        let before = f.clone();
        assert_eq!(run(&mut f), 0);
        assert_eq!(f, before);
    }

    /// A store to the variable itself is kept and also sets the local, so
    /// the next fetch sees the stored value: `VAR @ 1+ VAR !`.
    #[test]
    fn a_store_to_the_variable_is_forwarded() {
        let mut f = counted_loop(vec![Op::Lit(VAR), p(Prim::Fetch), p(Prim::OnePlus), Op::Lit(VAR), p(Prim::Store)]);
        assert_eq!(run(&mut f), 1);
        let l = LocalId(0);
        assert_eq!(
            f.blocks[1].ops,
            [
                Op::LocalGet(l),
                p(Prim::OnePlus),
                Op::Lit(VAR),
                p(Prim::Drop),
                p(Prim::Dup),
                Op::LocalSet(l),
                Op::Lit(VAR),
                p(Prim::Store)
            ]
        );
    }

    /// A store through an address computed at run time (`I CELLS VAR + !`,
    /// which writes the variable on the first trip), a call, a `C!` into
    /// the variable's cell or a `MOVE` keep the fetch in the loop.
    #[test]
    fn unknown_or_partial_stores_keep_the_fetch() {
        let fetch = [Op::Lit(VAR), p(Prim::Fetch), p(Prim::Drop)];
        let cases: Vec<Vec<Op>> = vec![
            vec![Op::Lit(7), Op::LoopIndex(LoopId(0)), p(Prim::Cells), Op::Lit(VAR), p(Prim::Add), p(Prim::Store)],
            vec![Op::Call(999)],
            vec![Op::Lit(7), Op::Lit(VAR + 1), p(Prim::CStore)],
            vec![Op::Lit(OTHER), Op::Lit(VAR), Op::Lit(4), p(Prim::Move)],
        ];
        for ops in cases {
            let mut f = counted_loop(fetch.iter().cloned().chain(ops.clone()).collect());
            assert_eq!(run(&mut f), 0, "{ops:?}");
        }
    }

    /// `VAR @ ARR I CELLS + !` in `10 0 DO`: the index is in 0..9 (the
    /// range analysis), so the stores stay within ARR's ten cells, below
    /// the variable; at 0 ?DO with an unknown limit they could reach it.
    #[test]
    fn stores_through_bounded_addresses_are_told_apart() {
        let arr = VAR - 40;
        let lp = LoopId(0);
        let make = |limit: Op| Function {
            xt: 1,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![limit, Op::Lit(0), Op::DoInit(lp)], term: Term::Jump(BlockId(1)) },
                Block {
                    ops: vec![
                        Op::Lit(VAR),
                        p(Prim::Fetch),
                        Op::Lit(arr),
                        Op::LoopIndex(lp),
                        p(Prim::Cells),
                        p(Prim::Add),
                        p(Prim::Store),
                    ],
                    term: Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) },
                },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        };
        assert_eq!(run(&mut make(Op::Lit(10))), 1);
        assert_eq!(run(&mut make(Op::Lit(11))), 0, "index 10 stores into the variable");
        assert_eq!(run(&mut make(p(Prim::Dup))), 0);
    }

    /// A `VALUE` read in a loop that sets it with `TO` is a local too.
    #[test]
    fn values_are_promoted_with_their_stores() {
        let mut f = counted_loop(vec![Op::FetchLit(VAR as u32), p(Prim::OnePlus), Op::StoreLit(VAR as u32)]);
        assert_eq!(run(&mut f), 1);
        let l = LocalId(0);
        assert_eq!(
            f.blocks[1].ops,
            [Op::LocalGet(l), p(Prim::OnePlus), p(Prim::Dup), Op::LocalSet(l), Op::StoreLit(VAR as u32)]
        );
    }

    /// Addresses outside data space (a system variable such as `BASE`) are
    /// never promoted: host words change them.
    #[test]
    fn only_data_space_is_promoted() {
        let mut f = counted_loop(vec![Op::Lit(0x104), p(Prim::Fetch), p(Prim::Drop)]);
        assert_eq!(run(&mut f), 0);
    }

    /// In nested loops, a fetch in the inner loop goes out of both when the
    /// outer loop stores nothing to it either, and only out of the inner
    /// one when the outer loop calls a word.
    #[test]
    fn nested_loops_promote_as_far_out_as_sound() {
        let (outer, inner) = (LoopId(0), LoopId(1));
        let make = |outer_ops: Vec<Op>| Function {
            xt: 1,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![Op::Lit(0), Op::DoInit(outer)], term: Term::Jump(BlockId(1)) },
                Block {
                    ops: [outer_ops, vec![Op::Lit(10), Op::Lit(0), Op::DoInit(inner)]].concat(),
                    term: Term::Jump(BlockId(2)),
                },
                Block {
                    ops: vec![Op::Lit(VAR), p(Prim::Fetch), Op::Lit(OTHER), p(Prim::AddStore)],
                    term: Term::Loop { lp: inner, plus: false, body: BlockId(2), exit: BlockId(3) },
                },
                Block { ops: vec![], term: Term::Loop { lp: outer, plus: false, body: BlockId(1), exit: BlockId(4) } },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 2,
            n_locals: 0,
        };
        let mut f = make(vec![]);
        assert_eq!(run(&mut f), 1);
        assert_eq!(f.blocks[0].term, Term::Jump(BlockId(5)), "the preheader is outside the outer loop");
        let mut f = make(vec![Op::Call(999)]);
        assert_eq!(run(&mut f), 1);
        assert_eq!(f.blocks[1].term, Term::Jump(BlockId(5)), "the preheader is inside the outer loop");
        assert_eq!(f.blocks[5].term, Term::Jump(BlockId(2)));
    }

    #[test]
    fn every_writing_primitive_is_listed() {
        // A primitive whose doc says it stores, appends, fills, copies
        // memory or reserves space must be a writer.
        for &q in Prim::ALL {
            let doc = q.doc().to_lowercase();
            let writes = ["store", "append", "fill", "copy u", "reserve", "align here", "set the xt", "release"]
                .iter()
                .any(|w| doc.contains(w));
            if writes {
                assert_ne!(prim_write(q), Write::Nothing, "{}", q.name());
            }
        }
    }
}
