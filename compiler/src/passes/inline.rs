//! Inlining of small straight-line definitions.
//!
//! A call to a definition whose body is one block of at most
//! [`MAX_INLINE_OPS`] operations, ending in a return, with no loop and no
//! call to itself, is replaced by those operations (local gets and sets do
//! not count towards that size). The callee's locals (`{: :}`) become fresh
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

/// The largest body, in operations, that is inlined. 24 takes in words like
/// the n-queens benchmark's `FREE?` and `MARK` (about 20 operations each,
/// `>R` and `R>` included), which made it 1.25 times faster, and the
/// modules got smaller, since a call site costs about as much as the ops.
pub const MAX_INLINE_OPS: usize = 24;

/// The body to paste for a call to `f`, if `f` is small enough.
pub fn inlinable(f: &Function) -> Option<&[Op]> {
    let [block] = f.blocks.as_slice() else { return None };
    // Moving items in and out of locals costs nothing once compiled, so
    // local ops do not count against the size (up to as many again).
    let locals = block.ops.iter().filter(|op| matches!(op, Op::LocalGet(_) | Op::LocalSet(_))).count();
    if block.term != Term::Return || block.ops.len() - locals > MAX_INLINE_OPS || locals > MAX_INLINE_OPS {
        return None;
    }
    let simple = block.ops.iter().all(|op| match op {
        Op::Call(x) => *x != f.xt,
        Op::DoInit(_) | Op::LoopIndex(_) => false,
        _ => true,
    });
    simple.then_some(&block.ops)
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
/// `earlier` for definitions compiled before them. Returns the number of
/// calls inlined.
pub fn inline_small(funcs: &mut [Function], earlier: &HashMap<Xt, Vec<Op>>) -> usize {
    let mut bodies: HashMap<Xt, Vec<Op>> = HashMap::new();
    let mut count = 0;
    for f in funcs.iter_mut() {
        for block in &mut f.blocks {
            if !block
                .ops
                .iter()
                .any(|op| matches!(op, Op::Call(x) if bodies.contains_key(x) || earlier.contains_key(x)))
            {
                continue;
            }
            let mut ops = Vec::with_capacity(block.ops.len());
            for op in block.ops.drain(..) {
                match op {
                    Op::Call(x) => match bodies.get(&x).or_else(|| earlier.get(&x)) {
                        Some(body) => {
                            let base = f.n_locals;
                            f.n_locals += locals_in(body);
                            ops.extend(body.iter().map(|op| match *op {
                                Op::LocalGet(l) => Op::LocalGet(LocalId(base + l.0)),
                                Op::LocalSet(l) => Op::LocalSet(LocalId(base + l.0)),
                                ref other => other.clone(),
                            }));
                            count += 1;
                        }
                        None => ops.push(Op::Call(x)),
                    },
                    other => ops.push(other),
                }
            }
            block.ops = ops;
        }
        if let Some(body) = inlinable(f) {
            bodies.insert(f.xt, body.to_vec());
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Block;
    use crate::primitives::Prim;

    fn func(xt: Xt, ops: Vec<Op>) -> Function {
        Function {
            xt,
            name: format!("f{xt}"),
            blocks: vec![Block { ops, term: Term::Return }],
            n_loops: 0,
            n_locals: 0,
        }
    }

    /// `: CELL+@ CELL+ @ ;  : T CELL+@ CELL+@ ;` inlines both calls, transitively.
    #[test]
    fn small_words_are_pasted_into_callers() {
        let mut funcs = vec![
            func(100, vec![Op::Prim(Prim::CellPlus), Op::Prim(Prim::Fetch)]),
            func(101, vec![Op::Call(100), Op::Call(100)]),
            func(102, vec![Op::Call(101), Op::Lit(1)]),
        ];
        assert_eq!(inline_small(&mut funcs, &HashMap::new()), 3);
        assert_eq!(funcs[2].blocks[0].ops.len(), 5);
        assert!(funcs[2].blocks[0].ops.iter().all(|op| !matches!(op, Op::Call(_))));
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
        assert_eq!(inline_small(&mut funcs, &HashMap::new()), 2);
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
