//! gforth's `FORK`: a call into the middle of the definition being compiled.
//!
//! gforth's regexp.fs defines `FORK` as `POSTPONE call >mark` and `JOIN` as
//! `THEN`: the code after `JOIN` runs as a subroutine called at the `FORK`,
//! up to the `EXIT` (or `;`) that ends it, and then the code after the
//! `FORK` goes on. Wasm has no calls into the middle of a function, so each
//! such target becomes a function of its own: the blocks reachable from it,
//! copied. The site of the `FORK` (a block ending in a branch whose zero
//! target is the subroutine, see [`Definition::fork`]) becomes a call of
//! that function and a jump to its non-zero target.
//!
//! Guarantee: the functions returned contain only blocks reachable from
//! their entries, with no `FORK` site left; the first is the definition
//! itself, at its own xt. Control flows from a subroutine back into the
//! definition only by returning, as in gforth.
//!
//! [`Definition::fork`]: crate::definition::Definition::fork

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use crate::definition::Definition;
use crate::interpreter::Forth;
use crate::ir::{Block, BlockId, Function, Op, Term, Xt};
use crate::machine::{Fault, Machine};
use runtime::throw;

impl Forth {
    /// Ends `def` (checked closed): the definition's function first, then
    /// one function for each subroutine its `FORK`s call, each at a fresh
    /// xt with a hidden header.
    pub(crate) fn finish_def(&mut self, mut def: Definition) -> Result<Vec<Function>, Fault> {
        let sites = std::mem::take(&mut def.forks);
        if !sites.is_empty() && def.func.n_locals > 0 {
            return Err(self.fail(
                throw::UNSUPPORTED,
                "FORK (POSTPONE CALL >MARK) in a definition with locals: its subroutine cannot see them",
            ));
        }
        let func = def.finish();
        outline(func, &sites, || self.alloc_hidden_colon())
    }

    /// Ends the part of a definition being compiled while the definition
    /// is set aside (a `TRY` region, an `INTERPRETATION>` part) at `word`:
    /// checks it closed, queues its functions, and returns its xt.
    pub(crate) fn end_part_of_definition(&mut self, m: &mut dyn Machine, word: &'static str) -> Result<Xt, Fault> {
        self.check_closed(m, word)?;
        let part = self.current.take().expect("the caller checked that a part is open");
        let xt = part.def.func.xt;
        let funcs = self.finish_def(part.def)?;
        self.pipeline.pending.extend(funcs);
        Ok(xt)
    }
}

/// Splits `func` at its `FORK` sites (blocks of `func` ending in a branch
/// whose zero target is the subroutine) into the definition and one
/// function per subroutine, whose xt `new_xt` gives.
pub fn outline<E>(
    mut func: Function,
    sites: &[BlockId],
    mut new_xt: impl FnMut() -> Result<Xt, E>,
) -> Result<Vec<Function>, E> {
    if sites.is_empty() {
        return Ok(vec![func]);
    }
    let mut entries: BTreeMap<BlockId, Xt> = BTreeMap::new();
    for &site in sites {
        let block = &mut func.blocks[site.index()];
        let Term::Branch { nonzero, zero } = block.term else {
            unreachable!("a FORK site ends in its branch");
        };
        let xt = match entries.entry(zero) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => *e.insert(new_xt()?),
        };
        block.ops.push(Op::Call(xt));
        block.term = Term::Jump(nonzero);
    }
    let mut out = vec![extract(&func, BlockId(0), func.xt, func.name.clone())];
    for (n, (&entry, &xt)) in entries.iter().enumerate() {
        out.push(extract(&func, entry, xt, format!("{} (fork {})", func.name, n + 1)));
    }
    Ok(out)
}

/// The blocks of `func` reachable from `entry`, renumbered from 0.
fn extract(func: &Function, entry: BlockId, xt: Xt, name: String) -> Function {
    let mut order = vec![entry];
    let mut number: BTreeMap<BlockId, BlockId> = BTreeMap::from([(entry, BlockId(0))]);
    let mut i = 0;
    while i < order.len() {
        for s in func.blocks[order[i].index()].term.successors() {
            if let Entry::Vacant(e) = number.entry(s) {
                e.insert(BlockId(order.len() as u32));
                order.push(s);
            }
        }
        i += 1;
    }
    let blocks = order
        .iter()
        .map(|b| {
            let mut block: Block = func.blocks[b.index()].clone();
            for slot in block.term.successors_mut() {
                *slot = number[slot];
            }
            block
        })
        .collect();
    Function { xt, name, blocks, n_loops: func.n_loops, n_locals: func.n_locals }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::verify::verify;

    #[test]
    fn a_fork_site_calls_its_subroutine_and_goes_on() {
        // b0: FORK (call b2, go on at b1); b1: 1 return; b2: 2 return.
        let func = Function {
            xt: 10,
            name: "F".into(),
            blocks: vec![
                Block { ops: vec![], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) } },
                Block { ops: vec![Op::Lit(1)], term: Term::Return },
                Block { ops: vec![Op::Lit(2)], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        let funcs = outline::<()>(func, &[BlockId(0)], || Ok(11)).unwrap();
        assert_eq!(funcs.len(), 2);
        assert_eq!(
            funcs[0].to_string(),
            "function F xt=10 loops=0\nb0:\n    call 11\n    jump b1\nb1:\n    lit 1\n    return\n"
        );
        assert_eq!(funcs[1].to_string(), "function F (fork 1) xt=11 loops=0\nb0:\n    lit 2\n    return\n");
        for f in &funcs {
            assert!(verify(f).is_empty());
        }
    }

    #[test]
    fn sites_with_one_target_share_one_function_and_nested_forks_nest() {
        // b0: FORK b3 -> b1; b1: FORK b3 -> b2; b2: return;
        // b3: FORK b4 -> b5; b4: return; b5: return.
        let fork = |nonzero, zero| Term::Branch { nonzero: BlockId(nonzero), zero: BlockId(zero) };
        let block = |term| Block { ops: vec![], term };
        let func = Function {
            xt: 1,
            name: "G".into(),
            blocks: vec![
                block(fork(1, 3)),
                block(fork(2, 3)),
                block(Term::Return),
                block(fork(5, 4)),
                block(Term::Return),
                block(Term::Return),
            ],
            n_loops: 0,
            n_locals: 0,
        };
        let mut next = 100;
        let funcs = outline::<()>(func, &[BlockId(0), BlockId(1), BlockId(3)], || {
            next += 1;
            Ok(next)
        })
        .unwrap();
        assert_eq!(funcs.len(), 3);
        assert_eq!(funcs[0].blocks.len(), 3);
        assert_eq!(funcs[0].blocks[0].ops, vec![Op::Call(101)]);
        assert_eq!(funcs[0].blocks[1].ops, vec![Op::Call(101)]);
        // The subroutine at b3 calls the one at b4.
        let at_b3 = funcs.iter().find(|f| f.xt == 101).unwrap();
        assert_eq!(at_b3.blocks[0].ops, vec![Op::Call(102)]);
        assert_eq!(at_b3.blocks.len(), 2);
    }
}
