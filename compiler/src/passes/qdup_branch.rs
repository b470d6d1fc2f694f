//! `?DUP` right before a branch becomes `DUP`, with a `DROP` on the side
//! where `?DUP` would not have duplicated.
//!
//! `?DUP IF`, `?DUP 0= IF ... EXIT THEN`, `?DUP WHILE` are how Forth
//! programmers test a count or a pointer and keep it when it is non-zero.
//! `?DUP` alone leaves one item or two, so a definition that uses it has no
//! static stack effect and must keep its stack in memory. But when the
//! branch that follows tests the very value `?DUP` looked at, each side
//! knows the depth:
//!
//! - `?DUP` then a branch on it: the non-zero side has `x`, the zero side
//!   nothing. `DUP` then the branch leaves `x` on both sides, so the zero
//!   side starts with `DROP` (of a zero).
//! - `?DUP 0=` then a branch: the zero side (x was non-zero) has `x`, the
//!   non-zero side (x was 0) nothing. `DUP 0=` leaves `x` on both, so the
//!   non-zero side starts with `DROP`.
//!
//! The `DROP` goes into a new block of its own that jumps to the old
//! target, which may have other predecessors.
//!
//! Needs: a verified function. Guarantees: the result verifies; existing
//! blocks keep their numbers; each rewritten test behaves as before on
//! every value.

use crate::ir::{Block, BlockId, Function, Op, Term};
use crate::primitives::Prim;

/// Rewrites every `?DUP` (or `?DUP 0=`) that ends a block before a branch;
/// returns how many.
pub fn qdup_branches(func: &mut Function) -> usize {
    let mut count = 0;
    for b in 0..func.blocks.len() {
        let Term::Branch { nonzero, zero } = func.blocks[b].term else { continue };
        let ops = &func.blocks[b].ops;
        let n = ops.len();
        let (at, drop_on_nonzero) = match ops.as_slice() {
            [.., Op::Prim(Prim::QuestionDup)] => (n - 1, false),
            [.., Op::Prim(Prim::QuestionDup), Op::Prim(Prim::ZeroEq)] => (n - 2, true),
            _ => continue,
        };
        func.blocks[b].ops[at] = Op::Prim(Prim::Dup);
        let target = if drop_on_nonzero { nonzero } else { zero };
        let pad = BlockId(func.blocks.len() as u32);
        func.blocks.push(Block { ops: vec![Op::Prim(Prim::Drop)], term: Term::Jump(target) });
        func.blocks[b].term = match drop_on_nonzero {
            true => Term::Branch { nonzero: pad, zero },
            false => Term::Branch { nonzero, zero: pad },
        };
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::passes::effects::{infer, Effect, Known};

    /// `: T ( a b n -- ) <test> IF 2DROP DROP EXIT THEN <rest> ;` with the
    /// test ops given, and `rest` after the branch.
    fn guarded(test: Vec<Op>, early: Vec<Op>, rest: Vec<Op>) -> Function {
        Function {
            xt: 700,
            name: "T".into(),
            blocks: vec![
                Block { ops: test, term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block { ops: early, term: Term::Return },
                Block { ops: rest, term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn qdup_zero_equal_if_exit_gets_a_static_effect() {
        use Prim::*;
        // : T ( a b n -- ) ?DUP 0= IF 2DROP EXIT THEN DROP 2DROP ;
        let mut f = guarded(vec![p(QuestionDup), p(ZeroEq)], vec![p(TwoDrop)], vec![p(Drop), p(TwoDrop)]);
        assert_eq!(infer(&f, &Known::new()), None);
        assert_eq!(qdup_branches(&mut f), 1);
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(f.blocks[0].ops, vec![p(Dup), p(ZeroEq)]);
        assert_eq!(f.blocks[0].term, Term::Branch { nonzero: BlockId(3), zero: BlockId(2) });
        assert_eq!(f.blocks[3], Block { ops: vec![p(Drop)], term: Term::Jump(BlockId(1)) });
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(3, 0)));
    }

    #[test]
    fn qdup_if_drops_on_the_zero_side() {
        use Prim::*;
        // : T ( n -- n' ) ?DUP IF 1+ EXIT THEN 7 ;
        let mut f = guarded(vec![p(QuestionDup)], vec![p(OnePlus)], vec![Op::Lit(7)]);
        assert_eq!(qdup_branches(&mut f), 1);
        assert_eq!(f.blocks[0].term, Term::Branch { nonzero: BlockId(1), zero: BlockId(3) });
        assert_eq!(f.blocks[3], Block { ops: vec![p(Drop)], term: Term::Jump(BlockId(2)) });
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
    }

    #[test]
    fn other_uses_of_qdup_are_left_alone() {
        use Prim::*;
        // ?DUP SWAP IF: the branch tests another item.
        let mut f = guarded(vec![p(QuestionDup), p(Swap)], vec![], vec![]);
        assert_eq!(qdup_branches(&mut f), 0);
        assert_eq!(f.blocks.len(), 3);
    }
}
