//! If-conversion: a branch whose sides only compute stack items becomes
//! straight-line code that computes what both sides leave and picks with
//! `select` ([`Op::Select`], wasm `select`, a conditional move).
//!
//! A branch on data the processor cannot predict (which of two merge
//! cursors holds the smaller item, whether a byte is a letter, whether a
//! cell is alive) costs a pipeline flush on about half its runs. Cranelift
//! never turns branches into conditional moves, and clang does it for C
//! (`x = c ? a : b`, `if (c) x -= 32`), so the compiler does it here, for
//! every small `IF ... ELSE ... THEN` and `IF ... THEN` whose sides are pure
//! stack code:
//!
//! ```forth
//! IF  DUP 1+ SWAP tmp@  ELSE  OVER tmp@ ROT 1+ -ROT  THEN   \ merge step
//! DUP [CHAR] a [CHAR] z 1+ WITHIN IF 32 - THEN               \ upper case
//! ```
//!
//! How: each side (a block with a single predecessor that jumps to the
//! other side or to the common successor) is evaluated symbolically on the
//! items below the flag. Both must leave the same number of items; the
//! branch's block then pops the flag and the items the sides read into
//! fresh locals and pushes, for each item left, the value of the
//! non-zero side where the zero side computes the same thing, and
//! otherwise a `select` of the two. A `select` is pushed down through
//! operations both sides apply (`tmp@` of `j` or of `i` becomes `tmp@` of a
//! select of `j` and `i`), so one load reads the address the taken side
//! would have read. The merged block takes over the successor when it is
//! the successor's only predecessor, so nested conditionals collapse from
//! the inside out.
//!
//! Why it is sound: the sides may only use stack shuffles, literals, loop
//! indices and limits, locals, `VALUE` fetches, and primitives that neither
//! trap nor touch memory or the return stack, plus `@` and `C@`. Evaluating
//! pure code that the branch would have skipped changes nothing. A load can
//! trap, so every load a side performs must be among the items it leaves,
//! and must be emitted either as the same computation on both sides or
//! with a select pushed into its address: the converted code loads exactly
//! the addresses the taken side loads.
//!
//! Profitability: both sides now run, so the converted code is limited to
//! [`MAX_COST`] operations (the selects included); loads that both sides
//! perform count once.
//!
//! Needs: a verified function. Guarantees: the result verifies; blocks
//! keep their numbers (a side that was converted is left empty and ends in
//! `return`, unreachable); the stack effect of every path is unchanged.

use std::collections::HashMap;
use std::rc::Rc;

use crate::ir::{BlockId, Function, LocalId, Op, Term};
use crate::passes::effects::{call_effect, Known};
use crate::primitives::Prim;

/// The most operations (primitives and selects, not local moves) the code
/// that replaces a branch may have.
pub const MAX_COST: usize = 10;

/// The most ops a side may have before it is evaluated at all.
const MAX_SIDE_OPS: usize = 16;

/// A value a side computes, in terms of the items it started with.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sym {
    /// The item `n` places below the flag when the branch was taken
    /// (0: right below the flag).
    Item(u32),
    /// An op that pushes one value and has no effect (a literal, a loop
    /// index or limit, a local, a `VALUE`).
    Leaf(Op),
    /// An op with one result applied to values: a pure primitive, a load,
    /// or a select made by an earlier conversion.
    Node(Op, Vec<Rc<Sym>>),
}

/// Whether `p` is a primitive with one result that neither traps, nor
/// reads or writes memory, nor uses the return stack: the pure primitives
/// of the primitive table ([`Prim::is_pure`]) that leave one item.
fn pure(p: Prim) -> bool {
    p.is_pure() && matches!(p.effect(), Some((_, 1)))
}

/// Whether `p` is a load the pass handles (one address in, one value out).
fn load(p: Prim) -> bool {
    matches!(p, Prim::Fetch | Prim::CFetch)
}

/// What a side does: the items it leaves (deepest first, counted from the
/// deepest item it reads), how many items below the flag it reads, and the
/// loads it performs.
struct Side {
    out: Vec<Rc<Sym>>,
    reads: u32,
    loads: Vec<Rc<Sym>>,
}

/// Evaluates `ops` on the items below the flag; `None` if they do anything
/// the pass cannot describe. Locals from `temps` on are this pass's own
/// (set and read within one block's converted code, dead after it), so a
/// side may set them.
fn evaluate(ops: &[Op], temps: u32) -> Option<Side> {
    if ops.len() > MAX_SIDE_OPS {
        return None;
    }
    let mut s: Vec<Rc<Sym>> = Vec::new();
    let mut reads = 0u32;
    let mut loads = Vec::new();
    let mut env: HashMap<u32, Rc<Sym>> = HashMap::new();
    // Makes sure the stack holds `n` values, taking items from below.
    let need = |s: &mut Vec<Rc<Sym>>, reads: &mut u32, n: usize| {
        while s.len() < n {
            s.insert(0, Rc::new(Sym::Item(*reads)));
            *reads += 1;
        }
    };
    for op in ops {
        match op {
            Op::LocalSet(l) if l.0 >= temps => {
                need(&mut s, &mut reads, 1);
                env.insert(l.0, s.pop()?);
            }
            Op::LocalGet(l) if env.contains_key(&l.0) => s.push(env[&l.0].clone()),
            Op::Lit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) | Op::FetchLit(_) => {
                s.push(Rc::new(Sym::Leaf(op.clone())))
            }
            Op::Select => {
                need(&mut s, &mut reads, 3);
                let args = s.split_off(s.len() - 3);
                s.push(Rc::new(Sym::Node(Op::Select, args)));
            }
            Op::Prim(p) => {
                use Prim::*;
                let (ins, _) = p.effect()?;
                need(&mut s, &mut reads, ins as usize);
                let n = s.len();
                match p {
                    Dup => s.push(s[n - 1].clone()),
                    Over => s.push(s[n - 2].clone()),
                    Drop => drop(s.pop()),
                    Swap => s.swap(n - 1, n - 2),
                    Nip => drop(s.remove(n - 2)),
                    Tuck => s.insert(n - 2, s[n - 1].clone()),
                    Rot => {
                        let x = s.remove(n - 3);
                        s.push(x);
                    }
                    MinusRot => {
                        let x = s.pop()?;
                        s.insert(n - 3, x);
                    }
                    TwoDup => s.extend([s[n - 2].clone(), s[n - 1].clone()]),
                    TwoDrop => s.truncate(n - 2),
                    TwoSwap => {
                        let low: Vec<_> = s.drain(n - 4..n - 2).collect();
                        s.extend(low);
                    }
                    TwoOver => s.extend([s[n - 4].clone(), s[n - 3].clone()]),
                    p if pure(*p) || load(*p) => {
                        let args = s.split_off(n - ins as usize);
                        let v = Rc::new(Sym::Node(Op::Prim(*p), args));
                        if load(*p) {
                            loads.push(v.clone());
                        }
                        s.push(v);
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(Side { out: s, reads, loads })
}

/// Whether `v` is `x` or computed from it.
fn contains(v: &Sym, x: &Sym) -> bool {
    v == x || matches!(v, Sym::Node(_, args) if args.iter().any(|a| contains(a, x)))
}

/// Whether `v` performs a load.
fn has_load(v: &Sym) -> bool {
    match v {
        Sym::Node(op, args) => matches!(op, Op::Prim(p) if load(*p)) || args.iter().any(|a| has_load(a)),
        _ => false,
    }
}

/// Builds the code that pushes the values of the two sides.
struct Emitter {
    /// The local that holds the flag.
    flag: LocalId,
    /// The local of item 0; item `k` is in `first + k`.
    first: u32,
    ops: Vec<Op>,
    cost: usize,
}

impl Emitter {
    /// Pushes `v` (computed the same on both sides).
    fn one(&mut self, v: &Sym) {
        match v {
            Sym::Item(k) => self.ops.push(Op::LocalGet(LocalId(self.first + k))),
            Sym::Leaf(op) => self.ops.push(op.clone()),
            Sym::Node(op, args) => {
                for a in args {
                    self.one(a);
                }
                self.ops.push(op.clone());
                self.cost += 1;
            }
        }
    }

    /// Pushes `a` where the flag is non-zero and `b` where it is zero;
    /// `None` if that would load an address the taken side does not.
    fn pick(&mut self, a: &Sym, b: &Sym) -> Option<()> {
        match (a, b) {
            _ if a == b => self.one(a),
            (Sym::Node(p, xs), Sym::Node(q, ys)) if p == q && xs.len() == ys.len() => {
                for (x, y) in xs.iter().zip(ys) {
                    self.pick(x, y)?;
                }
                self.ops.push(p.clone());
                self.cost += 1;
            }
            _ if has_load(a) || has_load(b) => return None,
            _ => {
                self.one(a);
                self.one(b);
                self.ops.push(Op::LocalGet(self.flag));
                self.ops.push(Op::Select);
                self.cost += 1;
            }
        }
        Some(())
    }
}

/// The straight-line code that replaces a branch whose non-zero side runs
/// `t` and zero side `e`, for a function with `n_locals` locals of which
/// those from `temps` on are the pass's own, when `avail` items below the
/// flag are sure to be there: the ops
/// (which pop the flag) and how many locals they use.
fn converted(t: &[Op], e: &[Op], n_locals: u32, temps: u32, avail: u32) -> Option<(Vec<Op>, u32)> {
    let (mut t, mut e) = (evaluate(t, temps)?, evaluate(e, temps)?);
    // Both sides as functions of the same items, deepest first.
    let reads = t.reads.max(e.reads);
    for side in [&mut t, &mut e] {
        let extra: Vec<_> = (side.reads..reads).rev().map(|k| Rc::new(Sym::Item(k))).collect();
        side.out.splice(0..0, extra);
    }
    if t.out.len() != e.out.len() {
        return None;
    }
    // Every load must be among the items left, so none is skipped.
    for side in [&t, &e] {
        if !side.loads.iter().all(|l| side.out.iter().any(|v| contains(v, l))) {
            return None;
        }
    }
    // The deepest items both sides leave in place, and that nothing above
    // reads, stay on the stack.
    let mut keep = 0;
    while keep < (reads as usize).min(t.out.len())
        && *t.out[keep] == Sym::Item(reads - 1 - keep as u32)
        && *e.out[keep] == Sym::Item(reads - 1 - keep as u32)
    {
        keep += 1;
    }
    // A kept item is not in a local, so nothing pushed above may read it:
    // check every kept item, not only the shallowest (`OVER 0=` on one
    // side reads the second item while both sides leave it in place).
    let read_above = |keep: usize| {
        (reads - keep as u32..reads)
            .any(|k| t.out[keep..].iter().chain(&e.out[keep..]).any(|v| contains(v, &Sym::Item(k))))
    };
    while keep > 0 && read_above(keep) {
        keep -= 1;
    }
    let popped = reads - keep as u32;
    // Reading an item only one side reads must not make a stack underflow
    // of a run that took the other side.
    if popped > avail {
        return None;
    }
    let mut em = Emitter { flag: LocalId(n_locals), first: n_locals + 1, ops: Vec::new(), cost: 0 };
    em.ops.push(Op::LocalSet(em.flag));
    for k in 0..popped {
        em.ops.push(Op::LocalSet(LocalId(em.first + k)));
    }
    for (a, b) in t.out[keep..].iter().zip(&e.out[keep..]) {
        em.pick(a, b)?;
    }
    (em.cost <= MAX_COST).then_some((em.ops, popped + 1))
}

/// How many items are sure to be on the stack at the end of each block's
/// ops (before its terminator pops anything), counted from the start of
/// the definition: an item is there if the code pushed it, or read it on
/// every path that leads there (a read of a missing item is an underflow
/// already). `None` for blocks the entry does not reach.
fn available(func: &Function, known: &Known) -> Vec<Option<u32>> {
    let through = |ops: &[Op], mut a: u32| {
        for op in ops {
            let (ins, outs) = match op {
                Op::Lit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) | Op::FetchLit(_) => (0, 1),
                Op::LocalSet(_) | Op::StoreLit(_) => (1, 0),
                Op::DoInit(_) => (2, 0),
                Op::Popcount => (1, 1),
                Op::Select => (3, 1),
                Op::Vector(v) => (v.items.len() as u32, v.items.len() as u32),
                Op::Prim(p) | Op::DivU(p) | Op::AtOffset(p, _) => match p.effect() {
                    Some((i, o)) => (u32::from(i), u32::from(o)),
                    None => {
                        a = 0;
                        continue;
                    }
                },
                Op::Call(xt) => match call_effect(*xt, known) {
                    Some(e) => (e.inputs, e.outputs),
                    None => {
                        a = 0;
                        continue;
                    }
                },
            };
            a = a.max(ins) - ins + outs;
        }
        a
    };
    let n = func.blocks.len();
    let mut start: Vec<Option<u32>> = vec![None; n];
    let mut end: Vec<Option<u32>> = vec![None; n];
    start[0] = Some(0);
    let mut work = vec![0];
    while let Some(b) = work.pop() {
        let Some(a) = start[b] else { continue };
        let out = through(&func.blocks[b].ops, a);
        end[b] = Some(out);
        let popped = match func.blocks[b].term {
            Term::Branch { .. } | Term::Loop { plus: true, .. } => 1,
            _ => 0,
        };
        let next = out.max(popped) - popped;
        for s in func.blocks[b].term.successors() {
            let s = s.index();
            if start[s].is_none_or(|old| next < old) {
                start[s] = Some(next);
                work.push(s);
            }
        }
    }
    end
}

/// For each block, how many branch targets of reachable blocks name it.
fn preds(func: &Function, live: &[bool]) -> Vec<usize> {
    let mut n = vec![0; func.blocks.len()];
    for (b, _) in func.blocks.iter().zip(live).filter(|&(_, &l)| l) {
        for s in b.term.successors() {
            n[s.index()] += 1;
        }
    }
    n
}

/// An `IF ... ELSE ... THEN` or `IF ... THEN`.
struct Diamond {
    /// The ops of the non-zero side.
    t: Vec<Op>,
    /// The ops of the zero side.
    e: Vec<Op>,
    /// The side blocks (one or two), emptied when converted.
    sides: Vec<BlockId>,
    /// Where both sides continue.
    join: BlockId,
}

/// The diamond that block `b`'s branch starts, if its sides are single
/// blocks entered only from `b`.
fn shape(func: &Function, live: &[bool], preds: &[usize], b: usize) -> Option<Diamond> {
    let Term::Branch { nonzero, zero } = func.blocks[b].term else { return None };
    if !live[b] {
        return None;
    }
    let own = |x: BlockId| x.index() != b && x.index() != 0 && preds[x.index()] == 1;
    let jump = |x: BlockId| match func.blocks[x.index()].term {
        Term::Jump(m) => Some(m),
        _ => None,
    };
    let (t, e, sides, join) = if own(nonzero) && jump(nonzero) == Some(zero) {
        (func.blocks[nonzero.index()].ops.clone(), Vec::new(), vec![nonzero], zero)
    } else if own(zero) && jump(zero) == Some(nonzero) {
        (Vec::new(), func.blocks[zero.index()].ops.clone(), vec![zero], nonzero)
    } else if own(nonzero) && own(zero) && nonzero != zero && jump(nonzero).is_some() && jump(nonzero) == jump(zero) {
        let m = jump(nonzero)?;
        let (t, e) = (&func.blocks[nonzero.index()].ops, &func.blocks[zero.index()].ops);
        (t.clone(), e.clone(), vec![nonzero, zero], m)
    } else {
        return None;
    };
    (join.index() != b && !sides.contains(&join)).then_some(Diamond { t, e, sides, join })
}

/// Converts every small pure branch of `func` to selects; returns how many.
/// The facts about the whole function (reachable blocks, predecessors,
/// available items) are computed once, and again only after a change, so
/// a definition without candidates costs one walk over its blocks.
pub fn convert_branches(func: &mut Function, known: &Known) -> usize {
    if !func.blocks.iter().any(|b| matches!(b.term, Term::Branch { .. })) {
        return 0;
    }
    let mut count = 0;
    let temps = func.n_locals;
    loop {
        let mut changed = false;
        let mut live = crate::cfg::reachable_blocks(func);
        let mut npreds = preds(func, &live);
        let mut avail: Option<Vec<Option<u32>>> = None;
        for b in 0..func.blocks.len() {
            let Some(Diamond { t, e, sides, join }) = shape(func, &live, &npreds, b) else { continue };
            let items = avail.get_or_insert_with(|| available(func, known))[b].map_or(0, |a| a.saturating_sub(1));
            let Some((ops, locals)) = converted(&t, &e, func.n_locals, temps, items) else { continue };
            func.n_locals += locals;
            func.blocks[b].ops.extend(ops);
            func.blocks[b].term = Term::Jump(join);
            for s in sides {
                func.blocks[s.index()].ops.clear();
                func.blocks[s.index()].term = Term::Return;
            }
            // The join entered only from here continues this block.
            live = crate::cfg::reachable_blocks(func);
            npreds = preds(func, &live);
            if join.index() != 0 && npreds[join.index()] == 1 {
                let next = std::mem::take(&mut func.blocks[join.index()].ops);
                func.blocks[b].ops.extend(next);
                func.blocks[b].term = std::mem::replace(&mut func.blocks[join.index()].term, Term::Return);
                live = crate::cfg::reachable_blocks(func);
                npreds = preds(func, &live);
            }
            avail = None;
            count += 1;
            changed = true;
        }
        if !changed {
            return count;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func, p};
    use crate::ir::LoopId;
    use crate::passes::effects::{infer, Effect};

    /// `: T ( c -- c' ) DUP 97 123 WITHIN IF 32 - THEN ;`
    fn upper() -> Function {
        use Prim::*;
        func(
            vec![
                block(
                    vec![p(Dup), Op::Lit(97), Op::Lit(123), p(Within)],
                    Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                ),
                block(vec![Op::Lit(32), p(Sub)], Term::Jump(BlockId(2))),
                block(vec![], Term::Return),
            ],
            0,
        )
    }

    #[test]
    fn if_then_becomes_a_select() {
        let mut f = upper();
        assert_eq!(convert_branches(&mut f, &Known::new()), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        // The flag goes to local 0 and the character to local 1; the
        // result is c-32 where the flag is set, else c.
        assert_eq!(
            f.to_string(),
            "function T xt=1000 loops=0 locals=2\nb0:\n    prim DUP\n    lit 97\n    lit 123\n    prim WITHIN\n    \
             local.set 0\n    local.set 1\n    local.get 1\n    lit 32\n    prim -\n    local.get 1\n    local.get 0\n    \
             select\n    return\nb1:\n    return\nb2:\n    return\n"
        );
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
    }

    /// The merge step of a merge sort, `( i j right? -- i' j' x )`:
    /// `IF DUP 1+ SWAP CELLS tmp + @ ELSE OVER CELLS tmp + @ ROT 1+ ROT ROT
    /// THEN`, then the item is stored.
    fn merge_step() -> Function {
        use Prim::*;
        let tmp = Op::Lit(4096);
        func(
            vec![
                block(vec![p(Over), p(Over), p(Lt)], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                block(
                    vec![p(Dup), p(OnePlus), p(Swap), p(Cells), tmp.clone(), p(Add), p(Fetch)],
                    Term::Jump(BlockId(3)),
                ),
                block(
                    vec![p(Over), p(Cells), tmp, p(Add), p(Fetch), p(Rot), p(OnePlus), p(Rot), p(Rot)],
                    Term::Jump(BlockId(3)),
                ),
                block(vec![Op::Lit(8192), p(Store)], Term::Return),
            ],
            0,
        )
    }

    #[test]
    fn a_load_on_both_sides_loads_a_selected_address() {
        let mut f = merge_step();
        assert_eq!(convert_branches(&mut f, &Known::new()), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        let text = f.to_string();
        // One load, of tmp + 4 * (flag ? j : i); the join's store follows.
        assert_eq!(text.matches("prim @").count(), 1, "{text}");
        assert!(
            text.contains(
                "local.get 1\n    local.get 2\n    local.get 0\n    select\n    prim CELLS\n    lit 4096\n    prim +\n    prim @\n    lit 8192\n    prim !\n    return\nb1:"
            ),
            "{text}"
        );
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(2, 2)));
    }

    #[test]
    fn a_load_on_one_side_only_keeps_the_branch() {
        use Prim::*;
        // IF @ ELSE DROP 0 THEN: the load may trap where the zero side
        // would not have loaded.
        let mut f = func(
            vec![
                block(vec![], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                block(vec![p(Fetch)], Term::Jump(BlockId(3))),
                block(vec![p(Drop), Op::Lit(0)], Term::Jump(BlockId(3))),
                block(vec![], Term::Return),
            ],
            0,
        );
        let before = f.clone();
        assert_eq!(convert_branches(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
        // A load whose value is dropped is not skipped either.
        f.blocks[1].ops = vec![p(Dup), p(Fetch), p(Drop)];
        f.blocks[2].ops = vec![];
        assert_eq!(convert_branches(&mut f, &Known::new()), 0);
    }

    #[test]
    fn stores_calls_and_unequal_depths_keep_the_branch() {
        use Prim::*;
        for (t, e) in [
            (vec![Op::Lit(1), p(Store)], vec![p(TwoDrop)]),
            (vec![Op::Call(5)], vec![]),
            (vec![Op::Lit(1)], vec![]),
            (vec![p(Div)], vec![p(Drop)]),
        ] {
            let mut f = func(
                vec![
                    block(vec![], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                    block(t, Term::Jump(BlockId(3))),
                    block(e, Term::Jump(BlockId(3))),
                    block(vec![], Term::Return),
                ],
                0,
            );
            assert_eq!(convert_branches(&mut f, &Known::new()), 0, "{f}");
        }
    }

    #[test]
    fn nested_conditionals_collapse_in_a_loop_body() {
        use Prim::*;
        // 10 0 DO  I 1 AND IF I 3 < IF 1 ELSE 2 THEN ELSE 0 THEN +  LOOP
        let mut f = func(
            vec![
                block(vec![Op::Lit(0), Op::Lit(10), Op::Lit(0), Op::DoInit(LoopId(0))], Term::Jump(BlockId(1))),
                block(
                    vec![Op::LoopIndex(LoopId(0)), Op::Lit(1), p(And)],
                    Term::Branch { nonzero: BlockId(2), zero: BlockId(5) },
                ),
                block(
                    vec![Op::LoopIndex(LoopId(0)), Op::Lit(3), p(Lt)],
                    Term::Branch { nonzero: BlockId(3), zero: BlockId(4) },
                ),
                block(vec![Op::Lit(1)], Term::Jump(BlockId(6))),
                block(vec![Op::Lit(2)], Term::Jump(BlockId(6))),
                block(vec![Op::Lit(0)], Term::Jump(BlockId(7))),
                block(vec![], Term::Jump(BlockId(7))),
                block(vec![p(Add)], Term::Loop { lp: LoopId(0), plus: false, body: BlockId(1), exit: BlockId(8) }),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(convert_branches(&mut f, &Known::new()), 2);
        assert!(crate::ir::verify::verify(&f).is_empty());
        // The whole body is one block that loops to itself.
        assert!(matches!(f.blocks[1].term, Term::Loop { body: BlockId(1), .. }), "{f}");
        assert_eq!(f.to_string().matches("select").count(), 2);
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(0, 1)));
    }

    #[test]
    fn an_item_only_one_side_reads_must_be_there() {
        use Prim::*;
        // : MAYBE-DROP ( x? flag -- ) IF DROP THEN ; takes x only when the
        // flag is set: computing both sides would read it always.
        let mut f = func(
            vec![
                block(vec![], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                block(vec![p(Drop)], Term::Jump(BlockId(2))),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(convert_branches(&mut f, &Known::new()), 0);
        // With x surely there (DUP read it), the branch goes.
        f.blocks[0].ops = vec![p(Dup)];
        f.blocks[1].ops = vec![p(OnePlus)];
        assert_eq!(convert_branches(&mut f, &Known::new()), 1);
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
    }

    #[test]
    fn a_deep_item_one_side_reads_is_taken_into_a_local() {
        // `dup 7 = IF over 0= ELSE false THEN` on ( c-addr u n ): the
        // non-zero side reads u, two below the flag, which both sides also
        // leave in place.
        let mut f = func(
            vec![
                block(
                    vec![Op::Lit(10), Op::Lit(4), Op::Lit(7), p(Prim::Dup), Op::Lit(7), p(Prim::Eq)],
                    Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                ),
                block(vec![p(Prim::Over), p(Prim::ZeroEq)], Term::Jump(BlockId(3))),
                block(vec![Op::Lit(0)], Term::Jump(BlockId(3))),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(convert_branches(&mut f, &Known::new()), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        // u stays 4 below the flag's result: the values the block leaves.
        let ops = &f.blocks[0].ops;
        let sets = ops.iter().filter(|o| matches!(o, Op::LocalSet(_))).count();
        assert_eq!(sets, 3, "the flag, n and u go to locals: {ops:?}");
    }

    #[test]
    fn large_sides_keep_the_branch() {
        use Prim::*;
        let mut f = upper();
        f.blocks[1].ops = (0..MAX_COST).flat_map(|_| [Op::Lit(3), p(Mul)]).collect();
        assert_eq!(convert_branches(&mut f, &Known::new()), 0);
    }
}
