//! The IR verifier. Its checks are the IR's invariants:
//!
//! 1. A function has at least one block; block 0 is the entry.
//! 2. Every branch target names a block of the function (none is still
//!    [`BlockId::PENDING`]).
//! 3. Every loop slot an op or terminator uses is below `n_loops`.
//! 4. Every local an op uses is below `n_locals`.
//! 5. An [`Op::AtOffset`] carries a primitive that takes an offset
//!    ([`Op::takes_offset`]).
//!
//! It collects every violation rather than stopping at the first, so one run
//! shows the whole damage. The pipeline runs it after every pass, at batch
//! and link time, and before a batch is planned, in debug builds and in
//! tests (`pipeline.rs`).

use super::{BlockId, Function, LoopId, Op, Term};

/// Every invariant violation in `func`, as readable messages; empty if none.
pub fn verify(func: &Function) -> Vec<String> {
    let mut errors = Vec::new();
    if func.blocks.is_empty() {
        errors.push(format!("{}: function has no blocks", func.name));
    }
    let n_blocks = func.blocks.len();
    let check_loop = |errors: &mut Vec<String>, where_: &str, lp: LoopId| {
        if lp.0 >= func.n_loops {
            errors.push(format!(
                "{}: {where_}: loop slot L{} out of range (n_loops = {})",
                func.name, lp.0, func.n_loops
            ));
        }
    };
    for (i, block) in func.blocks.iter().enumerate() {
        for op in &block.ops {
            if let Op::DoInit(lp) | Op::LoopIndex(lp) | Op::LoopLimit(lp) = op {
                check_loop(&mut errors, &format!("b{i}"), *lp);
            }
            if let Op::Vector(v) = op {
                check_loop(&mut errors, &format!("b{i}"), v.lp);
            }
            if let Op::AtOffset(p, _) = op {
                if !Op::takes_offset(*p) {
                    errors.push(format!("{}: b{i}: {} cannot take an offset", func.name, p.name()));
                }
            }
            if let Op::LocalGet(l) | Op::LocalSet(l) = op {
                if l.0 >= func.n_locals {
                    errors.push(format!(
                        "{}: b{i}: local {} out of range (n_locals = {})",
                        func.name, l.0, func.n_locals
                    ));
                }
            }
        }
        if let Term::QDo { lp, .. } | Term::Loop { lp, .. } = block.term {
            check_loop(&mut errors, &format!("b{i} terminator"), lp);
        }
        for t in block.term.successors() {
            if t == BlockId::PENDING {
                errors.push(format!("{}: b{i}: unresolved branch target", func.name));
            } else if t.index() >= n_blocks {
                errors.push(format!("{}: b{i}: branch to {t}, which does not exist", func.name));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::func;
    use crate::ir::Block;

    #[test]
    fn a_well_formed_function_passes() {
        let f = func(vec![Block { ops: vec![Op::Lit(1)], term: Term::Return }], 0);
        assert!(verify(&f).is_empty());
    }

    #[test]
    fn every_violation_is_reported() {
        let f = func(
            vec![
                Block { ops: vec![Op::LoopIndex(LoopId(3))], term: Term::Jump(BlockId::PENDING) },
                Block { ops: vec![], term: Term::Jump(BlockId(9)) },
            ],
            1,
        );
        let errors = verify(&f);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].contains("loop slot L3"));
        assert!(errors[1].contains("unresolved"));
        assert!(errors[2].contains("b9"));
    }
}
