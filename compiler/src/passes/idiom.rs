//! Loop idioms: a loop that counts the set bits of a cell one at a time
//! becomes one population count.
//!
//! Kernighan's loop clears the lowest set bit until none is left, counting
//! the rounds:
//!
//! ```forth
//! 0 SWAP BEGIN DUP WHILE  DUP 1- AND  SWAP 1+ SWAP  REPEAT DROP
//! ```
//!
//! Its trip count is the number of set bits, so its branch is hard to
//! predict; wasm has `i32.popcnt`, and optimizing C compilers make the same
//! replacement. The pass looks for a loop whose header only tests the top
//! item (`DUP`, then a branch whose non-zero side is the body and whose
//! body jumps straight back), with the counter directly below. The body is
//! evaluated symbolically on those two items; it must leave exactly
//! `counter+1` and `x AND (x-1)` (in any spelling the evaluator knows:
//! stack words, `+ - 1+ 1- AND`, literals). The header then computes
//! `counter + popcount(x)` and `0` (what the loop leaves: the loop ends when
//! `x` is 0) and jumps to the exit; the body becomes unreachable.
//!
//! Why it is sound: the loop runs exactly popcount(x) times, each round
//! adds 1 to the counter and clears one bit, and nothing else happens in it
//! (the body may only use the evaluator's pure operations on the two items).
//! Wrapping arithmetic makes `counter + n` equal to n increments.
//!
//! Needs: a verified function. Guarantees: the result verifies; blocks keep
//! their numbers.

use crate::ir::{BlockId, Function, Op, Term};
use crate::primitives::Prim;

/// A value computed by a loop body from the items it started with.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sym {
    /// The item that was `n` places below the top at the start (0: top).
    Item(usize),
    /// A literal.
    Lit(i32),
    /// `a + b`, `a - b` or `a AND b`.
    Bin(Prim, Box<Sym>, Box<Sym>),
}

impl Sym {
    fn bin(p: Prim, a: Sym, b: Sym) -> Sym {
        Sym::Bin(p, Box::new(a), Box::new(b))
    }
}

/// The stack after `ops` run on `depth` items, or `None` if they use
/// anything the evaluator does not know or reach below those items.
fn evaluate(ops: &[Op], depth: usize) -> Option<Vec<Sym>> {
    let mut s: Vec<Sym> = (0..depth).rev().map(Sym::Item).collect();
    for op in ops {
        match op {
            Op::Lit(n) => s.push(Sym::Lit(*n)),
            Op::Prim(p) => {
                let n = s.len();
                match p {
                    Prim::Dup => s.push(s.get(n.checked_sub(1)?)?.clone()),
                    Prim::Over => s.push(s.get(n.checked_sub(2)?)?.clone()),
                    Prim::Drop => drop(s.pop()?),
                    Prim::Swap => s.swap(n.checked_sub(1)?, n.checked_sub(2)?),
                    Prim::Nip => drop(s.remove(n.checked_sub(2)?)),
                    Prim::Tuck => {
                        let top = s.get(n.checked_sub(1)?)?.clone();
                        s.insert(n.checked_sub(2)?, top);
                    }
                    Prim::Rot => {
                        let x = s.remove(n.checked_sub(3)?);
                        s.push(x);
                    }
                    Prim::OnePlus | Prim::OneMinus => {
                        let a = s.pop()?;
                        let op = if *p == Prim::OnePlus { Prim::Add } else { Prim::Sub };
                        s.push(Sym::bin(op, a, Sym::Lit(1)));
                    }
                    Prim::Add | Prim::Sub | Prim::And => {
                        let b = s.pop()?;
                        let a = s.pop()?;
                        s.push(Sym::bin(*p, a, b));
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some(s)
}

/// Whether `v` is `x + 1` (or `1 + x`).
fn is_increment(v: &Sym, x: &Sym) -> bool {
    let one = Sym::Lit(1);
    matches!(v, Sym::Bin(Prim::Add, a, b) if (**a == *x && **b == one) || (**a == one && **b == *x))
}

/// Whether `v` is `x AND (x - 1)`, either way round.
fn clears_lowest_bit(v: &Sym, x: &Sym) -> bool {
    let minus = Sym::bin(Prim::Sub, x.clone(), Sym::Lit(1));
    matches!(v, Sym::Bin(Prim::And, a, b) if (**a == *x && **b == minus) || (**a == minus && **b == *x))
}

/// Replaces `func`'s bit-counting loops by population counts; returns how
/// many.
pub fn popcount_loops(func: &mut Function) -> usize {
    let mut count = 0;
    for h in 0..func.blocks.len() {
        let Term::Branch { nonzero, zero } = func.blocks[h].term else { continue };
        let (body, exit) = (nonzero.index(), zero);
        if func.blocks[h].ops != [Op::Prim(Prim::Dup)]
            || body == h
            || func.blocks[body].term != Term::Jump(BlockId(h as u32))
        {
            continue;
        }
        // Only the header may enter the body.
        let entries = func.blocks.iter().filter(|b| b.term.successors().contains(&nonzero)).count();
        if entries != 1 {
            continue;
        }
        let Some(after) = evaluate(&func.blocks[body].ops, 2) else { continue };
        let (counter, x) = (Sym::Item(1), Sym::Item(0));
        if after.len() == 2 && is_increment(&after[0], &counter) && clears_lowest_bit(&after[1], &x) {
            func.blocks[h].ops = vec![Op::Popcount, Op::Prim(Prim::Add), Op::Lit(0)];
            func.blocks[h].term = Term::Jump(exit);
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::ir::Block;

    /// `: K ( x -- n ) 0 SWAP BEGIN DUP WHILE <body> REPEAT DROP ;`
    fn kernighan(body: Vec<Op>) -> Function {
        Function {
            xt: 600,
            name: "K".into(),
            blocks: vec![
                Block { ops: vec![Op::Lit(0), Op::Prim(Prim::Swap)], term: Term::Jump(BlockId(1)) },
                Block { ops: vec![Op::Prim(Prim::Dup)], term: Term::Branch { nonzero: BlockId(2), zero: BlockId(3) } },
                Block { ops: body, term: Term::Jump(BlockId(1)) },
                Block { ops: vec![Op::Prim(Prim::Drop)], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        }
    }

    #[test]
    fn kernighans_loop_becomes_a_popcount_in_any_spelling() {
        use Prim::*;
        for body in [
            vec![p(Dup), p(OneMinus), p(And), p(Swap), p(OnePlus), p(Swap)],
            vec![p(Swap), p(OnePlus), p(Swap), p(Dup), p(OneMinus), p(And)],
            vec![p(Dup), Op::Lit(1), p(Sub), p(And), p(Swap), Op::Lit(1), p(Add), p(Swap)],
            vec![p(Dup), p(Dup), p(OneMinus), p(And), p(Nip), p(Swap), p(OnePlus), p(Swap)],
        ] {
            let mut f = kernighan(body.clone());
            assert_eq!(popcount_loops(&mut f), 1, "{body:?}");
            assert_eq!(f.blocks[1].ops, [Op::Popcount, p(Add), Op::Lit(0)]);
            assert_eq!(f.blocks[1].term, Term::Jump(BlockId(3)));
            assert!(crate::ir::verify::verify(&f).is_empty());
        }
    }

    #[test]
    fn other_loops_are_kept() {
        use Prim::*;
        for body in [
            // Counts down instead of clearing bits.
            vec![p(OneMinus), p(Swap), p(OnePlus), p(Swap)],
            // Clears the lowest bit but counts by two.
            vec![p(Dup), p(OneMinus), p(And), p(Swap), Op::Lit(2), p(Add), p(Swap)],
            // Does something else as well (a memory access).
            vec![p(Dup), p(OneMinus), p(And), p(Swap), p(OnePlus), p(Swap), Op::Lit(0), p(Fetch), p(Drop)],
            // Reaches below its two items.
            vec![p(Rot), p(Drop), p(Dup), p(OneMinus), p(And)],
            // TUCK makes ( x c x ): the counter ends up ANDed.
            vec![p(Tuck), p(OneMinus), p(And), p(Swap), p(OnePlus), p(Swap)],
        ] {
            let mut f = kernighan(body.clone());
            let before = f.clone();
            assert_eq!(popcount_loops(&mut f), 0, "{body:?}");
            assert_eq!(f, before);
        }
    }
}
