//! The return-stack balance check at `;`: a definition that leaves items on
//! the return stack on a path where the count is known.
//!
//! In a threaded Forth such as gforth, `: BAD 1 >R ;` returns to the address
//! 1 and crashes. Here the return stack holds no return addresses, so the
//! item would stay behind silently and a later word could take it. Both are
//! bugs of the program, and the one place where it can be named is the `;`
//! of the definition, so [`items_left`] finds it there.
//!
//! The count is known when every path that reaches a block agrees on the
//! return-stack depth there and the definition never moves a run-time
//! number of items (`N>R`, `NR>`). A definition that takes or reads an item
//! it did not push is the other imbalance ([`Imbalance::Taken`]): the
//! standard makes the caller's items inaccessible, and in gforth they are
//! return addresses (`R> DROP` to leave the caller, `R@` to find inline
//! data), which this system does not keep on the return stack. Calls do not count: what a
//! callee does with the return stack it undoes before it returns, which its
//! own `;` checks.
//!
//! A path that leaves items and then calls what may not return on purpose
//! (`1 2 >R >R 42 THROW`, or a word that exists only to throw) is not
//! counted: unwinding takes the items.
//!
//! Needs: a verified function. Guarantees: `Left(n)` only when some path
//! reaches a return with exactly `n > 0` items of its own still pushed and
//! without calling anything that may not return, `Taken(n)` only when some
//! path reads `n` items below what it pushed, and neither when a path makes
//! the count depend on run-time values.

use crate::host_words::HostWord;
use crate::ir::{Function, Op, Term};
use crate::primitives::Prim;
use crate::xt_numbering::host_word_of;

use super::effects::return_stack_effect;

/// Whether an op may end its path without returning on purpose: `THROW`,
/// `ABORT`, `QUIT`, `BYE`, `EXECUTE` and calls of other definitions (a
/// word may exist only to throw). Host words that fail only on bad input
/// do not count: their normal path returns.
fn may_not_return(op: &Op) -> bool {
    match op {
        Op::Prim(Prim::Execute) => true,
        Op::Call(xt) => match host_word_of(*xt) {
            Some(h) => matches!(
                h,
                HostWord::Throw | HostWord::Abort | HostWord::AbortQuoteRuntime | HostWord::Quit | HostWord::Bye
            ),
            None => true,
        },
        _ => false,
    }
}

/// What the return-stack analysis of one definition found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imbalance {
    /// Some path that surely returns leaves this many items of its own.
    Left(u32),
    /// Some path takes (or reads) this many items it did not push: its
    /// caller's. In gforth those are return addresses (`R> DROP` leaves
    /// the caller); here the return stack holds none, so such code cannot
    /// mean what it says.
    Taken(u32),
}

/// The imbalance of a definition's use of the return stack, if every path
/// agrees on the depth (see the module doc); `None` when it is balanced or
/// the count depends on the run.
pub fn imbalance(func: &Function) -> Option<Imbalance> {
    let n = func.blocks.len();
    // Per block: the depth at entry, and whether some path to it may have
    // left the definition already.
    let mut state_in: Vec<Option<(i64, bool)>> = vec![None; n];
    state_in[0] = Some((0, false));
    let mut work = vec![0usize];
    let mut left = 0u32;
    let mut taken = 0u32;
    while let Some(b) = work.pop() {
        let (mut d, mut escape) = state_in[b].expect("queued blocks have a state");
        let block = &func.blocks[b];
        for op in &block.ops {
            if let Op::Call(xt) = op {
                if matches!(host_word_of(*xt), Some(HostWord::NToR | HostWord::NRFrom)) {
                    return None;
                }
            }
            escape |= may_not_return(op);
            let Some((need, delta)) = return_stack_effect(op) else { continue };
            if d < i64::from(need) {
                taken = taken.max(u32::try_from(i64::from(need) - d).unwrap_or(u32::MAX));
                // Go on as if the items had been there, to check the rest.
                d = i64::from(need);
            }
            d += i64::from(delta);
        }
        if block.term == Term::Return && d > 0 && !escape {
            left = left.max(u32::try_from(d).unwrap_or(u32::MAX));
        }
        for s in block.term.successors() {
            match state_in[s.index()] {
                None => {
                    state_in[s.index()] = Some((d, escape));
                    work.push(s.index());
                }
                // Another path with the same depth: "may have left" wins.
                Some((x, e)) if x == d => {
                    if escape && !e {
                        state_in[s.index()] = Some((d, true));
                        work.push(s.index());
                    }
                }
                Some(_) => return None,
            }
        }
    }
    if taken > 0 {
        Some(Imbalance::Taken(taken))
    } else {
        (left > 0).then_some(Imbalance::Left(left))
    }
}

/// The most items one path leaves on the return stack at a return (see
/// [`imbalance`]).
pub fn items_left(func: &Function) -> Option<u32> {
    match imbalance(func) {
        Some(Imbalance::Left(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Definition;

    fn def(ops: &[Op]) -> Function {
        let mut d = Definition::new(1000, "T".into());
        for op in ops {
            d.op(op.clone());
        }
        d.finish()
    }

    #[test]
    fn an_item_left_by_every_path_is_found() {
        assert_eq!(items_left(&def(&[Op::Lit(1), Op::Prim(Prim::ToR)])), Some(1));
        assert_eq!(items_left(&def(&[Op::Lit(1), Op::Lit(2), Op::Prim(Prim::TwoToR)])), Some(2));
    }

    #[test]
    fn balanced_and_unknowable_uses_are_not_errors() {
        // >R ... R> is balanced.
        assert_eq!(items_left(&def(&[Op::Prim(Prim::ToR), Op::Prim(Prim::RFrom)])), None);
        // R> DROP takes the caller's item: that is another imbalance.
        assert_eq!(items_left(&def(&[Op::Prim(Prim::RFrom), Op::Prim(Prim::Drop)])), None);
        assert_eq!(imbalance(&def(&[Op::Prim(Prim::RFrom), Op::Prim(Prim::Drop)])), Some(Imbalance::Taken(1)));
        assert_eq!(imbalance(&def(&[Op::Prim(Prim::ToR), Op::Prim(Prim::TwoRFetch)])), Some(Imbalance::Taken(1)));
        // N>R moves a run-time number of items.
        let ntor = crate::xt_numbering::host_xt(HostWord::NToR);
        assert_eq!(items_left(&def(&[Op::Lit(0), Op::Call(ntor), Op::Lit(1), Op::Prim(Prim::ToR)])), None);
        // No use at all.
        assert_eq!(items_left(&def(&[Op::Lit(1), Op::Prim(Prim::Drop)])), None);
    }

    #[test]
    fn items_left_for_a_throw_are_not_errors() {
        let throw = crate::xt_numbering::host_xt(HostWord::Throw);
        let ops = [Op::Lit(1), Op::Prim(Prim::ToR), Op::Lit(42), Op::Call(throw)];
        assert_eq!(items_left(&def(&ops)), None);
        // A user word may exist only to throw.
        assert_eq!(items_left(&def(&[Op::Lit(1), Op::Prim(Prim::ToR), Op::Call(5000)])), None);
        // Host words that return normally do not hide the leak.
        let type_ = crate::xt_numbering::host_xt(HostWord::Type);
        assert_eq!(items_left(&def(&[Op::Lit(1), Op::Prim(Prim::ToR), Op::Call(type_)])), Some(1));
    }

    #[test]
    fn paths_that_disagree_make_the_count_unknown() {
        let mut d = Definition::new(1000, "T".into());
        d.op(Op::Lit(1));
        d.if_();
        d.op(Op::Lit(2));
        d.op(Op::Prim(Prim::ToR));
        d.then().expect("THEN");
        assert_eq!(items_left(&d.finish()), None);
    }
}
