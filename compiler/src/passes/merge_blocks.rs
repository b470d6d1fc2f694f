//! Merging of jump chains: a block that ends in a jump to a block that
//! nothing else enters takes that block's ops and terminator.
//!
//! Pasting a callee ([`super::inline_graph`]) splits the caller's block at
//! the call: the ops before it jump to the copy's entry, and the copy's
//! returns jump to the ops after it. A loop body that called a word is then
//! a chain of blocks, where the loop passes (`vectorize`, `vectorize_nest`,
//! `unroll`) look for one block. Merging the chain back gives them the body
//! the programmer would have written without the call.
//!
//! Unreachable blocks (code after `EXIT`, copies no path enters) are emptied
//! and end in a return first, so that they count as no one's predecessor.
//!
//! Needs: a verified function. Guarantees: the result verifies and does the
//! same; no block moves or changes number (a merged block stays, emptied,
//! as an unreachable return); block 0 stays the entry; only jumps are
//! removed, never a branch or a loop's edge.

use crate::cfg::Cfg;
use crate::ir::{BlockId, Function, Term};

/// Merges every jump chain of `f` (see the module doc); returns how many
/// blocks were merged into their predecessor.
pub fn merge_jump_chains(f: &mut Function) -> usize {
    let cfg = Cfg::new(f);
    for (b, block) in f.blocks.iter_mut().enumerate() {
        if !cfg.reachable(BlockId(b as u32)) {
            block.ops.clear();
            block.term = Term::Return;
        }
    }
    let mut preds = vec![0usize; f.blocks.len()];
    for block in &f.blocks {
        for s in block.term.successors() {
            preds[s.index()] += 1;
        }
    }
    let mut merged = 0;
    for a in 0..f.blocks.len() {
        while let Term::Jump(t) = f.blocks[a].term {
            let t = t.index();
            if t == a || t == 0 || preds[t] != 1 {
                break;
            }
            let taken = std::mem::replace(&mut f.blocks[t], crate::ir::Block { ops: vec![], term: Term::Return });
            f.blocks[a].ops.extend(taken.ops);
            f.blocks[a].term = taken.term;
            preds[t] = 0;
            merged += 1;
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func, p};
    use crate::ir::{LoopId, Op};
    use crate::primitives::Prim;

    #[test]
    fn a_chain_into_a_loop_body_becomes_one_block() {
        // b0 -> b1 (do) -> b2 -> b3 (loop back to b2) -> b4 -> return.
        let l = LoopId(0);
        let mut f = func(
            vec![
                block(vec![Op::Lit(10), Op::Lit(0)], Term::Jump(BlockId(1))),
                block(vec![Op::DoInit(l)], Term::Jump(BlockId(2))),
                block(vec![Op::LoopIndex(l)], Term::Jump(BlockId(3))),
                block(vec![p(Prim::Add)], Term::Loop { lp: l, plus: false, body: BlockId(2), exit: BlockId(4) }),
                block(vec![p(Prim::Dup)], Term::Jump(BlockId(5))),
                block(vec![], Term::Return),
            ],
            1,
        );
        let before = f.clone();
        assert_eq!(merge_jump_chains(&mut f), 3, "{f}");
        assert!(crate::ir::verify::verify(&f).is_empty(), "{f}");
        // b2 has two predecessors (b1 and its own back edge): it stays a block.
        assert_eq!(f.blocks[0].ops, vec![Op::Lit(10), Op::Lit(0), Op::DoInit(l)]);
        assert_eq!(f.blocks[0].term, Term::Jump(BlockId(2)));
        assert_eq!(f.blocks[2].ops, vec![Op::LoopIndex(l), p(Prim::Add)]);
        assert_eq!(f.blocks[2].term, Term::Loop { lp: l, plus: false, body: BlockId(2), exit: BlockId(4) });
        assert_eq!(f.blocks[4].term, Term::Return);
        assert_eq!(f.blocks.len(), before.blocks.len(), "no block moves");
    }

    #[test]
    fn branches_merges_and_the_entry_keep_their_blocks() {
        // b0 branches to b1 and b2, which both jump to b3 (two
        // predecessors); b3 branches back to the entry or on.
        let mut f = func(
            vec![
                block(vec![p(Prim::Dup)], Term::Branch { nonzero: BlockId(1), zero: BlockId(2) }),
                block(vec![p(Prim::OnePlus)], Term::Jump(BlockId(3))),
                block(vec![p(Prim::OneMinus)], Term::Jump(BlockId(3))),
                block(vec![p(Prim::Dup)], Term::Branch { nonzero: BlockId(0), zero: BlockId(4) }),
                block(vec![], Term::Return),
            ],
            0,
        );
        let before = f.clone();
        assert_eq!(merge_jump_chains(&mut f), 0);
        assert_eq!(f, before);
    }

    #[test]
    fn unreachable_blocks_are_no_predecessors() {
        // : F DUP IF EXIT THEN 1+ ; where the dead code after EXIT jumps on.
        let mut f = func(
            vec![
                block(vec![p(Prim::Dup)], Term::Branch { nonzero: BlockId(1), zero: BlockId(3) }),
                block(vec![], Term::Return),
                block(vec![p(Prim::Drop)], Term::Jump(BlockId(3))),
                block(vec![p(Prim::OnePlus)], Term::Jump(BlockId(4))),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(merge_jump_chains(&mut f), 1);
        assert!(crate::ir::verify::verify(&f).is_empty(), "{f}");
        assert_eq!(f.blocks[2], block(vec![], Term::Return));
        assert_eq!(f.blocks[3], block(vec![p(Prim::OnePlus)], Term::Return));
    }
}
