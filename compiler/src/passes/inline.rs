//! Inlining of small straight-line definitions, and at link time of those
//! called once.
//!
//! A call to a definition whose body is one block of at most
//! [`MAX_INLINE_OPS`] operations, ending in a return, with no loop and no
//! call to itself, is replaced by those operations (local gets and sets do
//! not count towards that size, and a float literal counts as one). The callee's locals (`{: :}`) become fresh
//! locals of the caller at each place it is pasted. Colon definitions never
//! change once compiled, so this is always equivalent; it removes the call
//! and lets the caller's stack cache see through words like `CELL+ @`.
//!
//! Needs: verified functions; callees are looked up among definitions
//! compiled earlier (already inlined themselves) and earlier functions of
//! the same list. Guarantees: the result verifies, and the only ops added
//! are copies of the callees' ops.

use std::collections::HashMap;

use crate::ir::{Function, LocalId, Op, Term, Xt};
use crate::primitives::Prim;

/// The largest body, in operations, that is inlined. 24 takes in words like
/// the n-queens benchmark's `FREE?` and `MARK` (about 20 operations each,
/// `>R` and `R>` included), which made it 1.25 times faster, and the
/// modules got smaller, since a call site costs about as much as the ops.
pub const MAX_INLINE_OPS: usize = 24;

/// The body to paste for a call to `f`, if `f` is small enough.
pub fn inlinable(f: &Function) -> Option<&[Op]> {
    let ops = straight_line(f)?;
    // Moving items in and out of locals costs nothing once compiled, so
    // local ops do not count against the size (up to as many again).
    let locals = ops.iter().filter(|op| matches!(op, Op::LocalGet(_) | Op::LocalSet(_))).count();
    (size(ops) - locals <= MAX_INLINE_OPS && locals <= MAX_INLINE_OPS).then_some(ops)
}

/// The size of `ops` in operations, a float literal counting as one: it is
/// its two halves and `FLit` in the IR, but one `f64.const` once emitted,
/// so `0.5E F*` weighs what `2 *` does.
fn size(ops: &[Op]) -> usize {
    let halves = ops.windows(3).filter(|w| matches!(w, [Op::Lit(_), Op::Lit(_), Op::Prim(Prim::FLit)])).count();
    ops.len() - 2 * halves
}

/// The number of locals `ops` use.
fn locals_in(ops: &[Op]) -> u32 {
    ops.iter()
        .filter_map(|op| match op {
            Op::LocalGet(l) | Op::LocalSet(l) => Some(l.0 + 1),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Inlines small callees into every function of `funcs`, in order, using
/// `earlier` for definitions compiled before them. Returns the calls
/// inlined, as (caller, callee) pairs: the linker still counts a callee as
/// reachable from its caller, so an image keeps the code of every word its
/// program used, which `run IMAGE -e ...` may call by name.
pub fn inline_small(funcs: &mut [Function], earlier: &HashMap<Xt, Vec<Op>>) -> Vec<(Xt, Xt)> {
    let mut bodies: HashMap<Xt, Vec<Op>> = HashMap::new();
    let mut inlined = Vec::new();
    for f in funcs.iter_mut() {
        paste(f, &|x| bodies.get(&x).or_else(|| earlier.get(&x)).map(Vec::as_slice), &mut inlined);
        if let Some(body) = inlinable(f) {
            bodies.insert(f.xt, body.to_vec());
        }
    }
    inlined
}

/// Whole-program inlining, for the linker: each straight-line definition
/// (as [`inlinable`] but of any size) that has exactly one call site in
/// `funcs` is pasted there. Its own function stays (its execution token may
/// still be `EXECUTE`d); the call's cost goes. Returns the calls inlined.
pub fn inline_called_once(funcs: &mut [Function]) -> Vec<(Xt, Xt)> {
    let mut sites: HashMap<Xt, usize> = HashMap::new();
    for op in funcs.iter().flat_map(|f| f.blocks.iter().flat_map(|b| &b.ops)) {
        if let Op::Call(x) = op {
            *sites.entry(*x).or_default() += 1;
        }
    }
    let bodies: HashMap<Xt, Vec<Op>> = funcs
        .iter()
        .filter(|f| sites.get(&f.xt) == Some(&1))
        .filter_map(|f| straight_line(f).map(|ops| (f.xt, ops.to_vec())))
        .collect();
    let mut inlined = Vec::new();
    for f in funcs.iter_mut() {
        paste(f, &|x| bodies.get(&x).map(Vec::as_slice), &mut inlined);
    }
    inlined
}

/// The ops of a one-block definition ending in a return, with no counted
/// loop and no call to itself: what can be pasted in place of a call.
fn straight_line(f: &Function) -> Option<&[Op]> {
    let [block] = f.blocks.as_slice() else { return None };
    let simple = block.term == Term::Return
        && block.ops.iter().all(|op| match op {
            Op::Call(x) => *x != f.xt,
            Op::DoInit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::Vector(_) => false,
            _ => true,
        });
    simple.then_some(&block.ops)
}

/// Replaces each call in `f` for which `body` has ops by those ops, with
/// the callee's locals renumbered after `f`'s; records (caller, callee).
fn paste<'b>(f: &mut Function, body: &dyn Fn(Xt) -> Option<&'b [Op]>, inlined: &mut Vec<(Xt, Xt)>) {
    for block in &mut f.blocks {
        if !block.ops.iter().any(|op| matches!(op, Op::Call(x) if body(*x).is_some())) {
            continue;
        }
        let mut ops = Vec::with_capacity(block.ops.len());
        for op in block.ops.drain(..) {
            match op {
                Op::Call(x) => match body(x) {
                    Some(body) => {
                        let base = f.n_locals;
                        f.n_locals += locals_in(body);
                        ops.extend(body.iter().map(|op| match *op {
                            Op::LocalGet(l) => Op::LocalGet(LocalId(base + l.0)),
                            Op::LocalSet(l) => Op::LocalSet(LocalId(base + l.0)),
                            ref other => other.clone(),
                        }));
                        inlined.push((f.xt, x));
                    }
                    None => ops.push(Op::Call(x)),
                },
                other => ops.push(other),
            }
        }
        block.ops = ops;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, named};

    /// The one-block function `f{xt}`.
    fn func(xt: Xt, ops: Vec<Op>) -> Function {
        named(xt, &format!("f{xt}"), vec![block(ops, Term::Return)], 0)
    }

    /// `: CELL+@ CELL+ @ ;  : T CELL+@ CELL+@ ;` inlines both calls, transitively.
    #[test]
    fn small_words_are_pasted_into_callers() {
        let mut funcs = vec![
            func(100, vec![Op::Prim(Prim::CellPlus), Op::Prim(Prim::Fetch)]),
            func(101, vec![Op::Call(100), Op::Call(100)]),
            func(102, vec![Op::Call(101), Op::Lit(1)]),
        ];
        assert_eq!(inline_small(&mut funcs, &HashMap::new()), [(101, 100), (101, 100), (102, 101)]);
        assert_eq!(funcs[2].blocks[0].ops.len(), 5);
        assert!(funcs[2].blocks[0].ops.iter().all(|op| !matches!(op, Op::Call(_))));
    }

    /// A float literal weighs one op: `MAX_INLINE_OPS` of `1E F*` pairs are
    /// inlined, one pair more is not.
    #[test]
    fn float_literals_count_as_one_op() {
        let pairs = |n: usize| {
            let one = 1f64.to_bits();
            let pair = [Op::Lit(one as i32), Op::Lit((one >> 32) as i32), Op::Prim(Prim::FLit), Op::Prim(Prim::FMul)];
            func(100, pair.iter().cycle().take(4 * n).cloned().collect())
        };
        assert!(inlinable(&pairs(MAX_INLINE_OPS / 2)).is_some());
        assert!(inlinable(&pairs(MAX_INLINE_OPS / 2 + 1)).is_none());
    }

    /// A long word called once is pasted at link time; one called twice, or
    /// calling itself, is not.
    #[test]
    fn words_called_once_are_pasted_whatever_their_size() {
        let long = vec![Op::Prim(Prim::OnePlus); MAX_INLINE_OPS * 2];
        let mut funcs = vec![
            func(100, long.clone()),
            func(101, long),
            func(102, vec![Op::Call(100), Op::Call(101), Op::Call(101)]),
            func(103, vec![Op::Lit(1), Op::Call(103)]),
            func(104, vec![Op::Call(103)]),
        ];
        assert_eq!(inline_called_once(&mut funcs), [(102, 100)]);
        assert_eq!(funcs[2].blocks[0].ops.len(), MAX_INLINE_OPS * 2 + 2);
        assert_eq!(funcs[4].blocks[0].ops, [Op::Call(103)]);
        assert!(funcs.iter().all(|f| crate::ir::verify::verify(f).is_empty()));
    }

    /// `: SQ {: a :} a a * ;` pasted twice gets two fresh locals each time.
    #[test]
    fn locals_of_pasted_words_are_renumbered() {
        let sq = Op::LocalSet(LocalId(0));
        let mut callee = func(100, vec![sq, Op::LocalGet(LocalId(0)), Op::LocalGet(LocalId(0)), Op::Prim(Prim::Mul)]);
        callee.n_locals = 1;
        let mut caller = func(101, vec![Op::Call(100), Op::LocalSet(LocalId(0)), Op::Call(100)]);
        caller.n_locals = 1;
        let mut funcs = vec![callee, caller];
        assert_eq!(inline_small(&mut funcs, &HashMap::new()).len(), 2);
        let f = &funcs[1];
        assert_eq!(f.n_locals, 3);
        assert!(crate::ir::verify::verify(f).is_empty());
        let text = f.to_string();
        assert!(
            text.contains(
                "local.set 1\n    local.get 1\n    local.get 1\n    prim *\n    local.set 0\n    local.set 2"
            ),
            "{text}"
        );
    }

    #[test]
    fn recursive_and_looping_words_are_not_inlined() {
        let rec = func(100, vec![Op::Call(100)]);
        assert!(inlinable(&rec).is_none());
        let looping = func(101, vec![Op::Lit(3), Op::Lit(0), Op::DoInit(crate::ir::LoopId(0))]);
        assert!(inlinable(&looping).is_none());
        let big = func(102, vec![Op::Lit(1); MAX_INLINE_OPS + 1]);
        assert!(inlinable(&big).is_none());
    }
}
