//! The carried latency of a block: the longest chain of dependent
//! operations, in CPU cycles, from a value the block receives to the value
//! it leaves in the same place.
//!
//! Why: a linear count of ops prices throughput, but a loop whose next
//! iteration needs this iteration's result (a hash, a CRC: `h` goes through
//! a load, an `XOR` and a multiply before the next byte can start) runs at
//! the speed of that chain, however few ops it has. The loop's body is a
//! block whose stack, locals and values are the same places at entry and
//! exit, so the chain from each place back to itself is what the next
//! iteration waits for.
//!
//! How: the block's ops are run symbolically. Each item is the set of places
//! it depends on, each with the latency of its longest path from there. The
//! places are the data stack items present at entry (by depth from the
//! bottom of what the block sees), the return stack items, the locals and
//! the `VALUE`s (`FetchLit`, whose load is on the path). An op's results
//! depend on all its inputs, each path one op latency longer (the
//! latency column of the primitive table, [`Prim::latency`]: 1 cycle for
//! arithmetic, 3 for a multiply, 4 for a load, 20 for a division); shuffles move items and add nothing. A call adds nothing
//! either: the callee's blocks carry their own latency. At the end, the
//! block's latency is the largest latency of an item back in the place it
//! came from. An op whose effect is not static (`?DUP`, `PICK` without a
//! literal, a call of unknown effect) ends the analysis there; whatever is
//! known at that point counts.
//!
//! Guarantees: never panics, whatever the block; the result is 0 for a
//! block that leaves every place as it found it, or only computes from
//! constants, loop indices and memory.

use std::collections::HashMap;

use crate::ir::{Block, Op, Term};
use crate::passes::effects::{call_effect, prim_effect, Known};
use crate::primitives::Prim;

/// A place a block receives a value from and leaves one in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Place {
    /// The data stack item this many below the block's entry top (0 = top).
    Data(u32),
    /// The return stack item this many below its entry top.
    Return(u32),
    /// A local.
    Local(u32),
    /// A `VALUE` at this address.
    Value(u32),
}

/// What an item depends on: places and the latency of the longest path from
/// each.
type Deps = Vec<(Place, u32)>;

/// Results that depend on all of `inputs`, `lat` cycles later.
fn combine(inputs: &[Deps], lat: u32) -> Deps {
    let mut out: Deps = Vec::new();
    for d in inputs {
        for &(place, l) in d {
            match out.iter_mut().find(|(p, _)| *p == place) {
                Some(e) => e.1 = e.1.max(l + lat),
                None => out.push((place, l + lat)),
            }
        }
    }
    out
}

/// One of the two stacks, as the block sees it: items pushed in the block
/// on top of entry items (taken as places as the block reaches them).
struct Stack {
    items: Vec<Deps>,
    /// Entry items consumed so far.
    taken: u32,
    place: fn(u32) -> Place,
}

impl Stack {
    fn new(place: fn(u32) -> Place) -> Stack {
        Stack { items: Vec::new(), taken: 0, place }
    }

    fn pop(&mut self) -> Deps {
        self.items.pop().unwrap_or_else(|| {
            self.taken += 1;
            vec![((self.place)(self.taken - 1), 0)]
        })
    }

    fn pop_n(&mut self, n: usize) -> Vec<Deps> {
        let mut v: Vec<Deps> = (0..n).map(|_| self.pop()).collect();
        v.reverse();
        v
    }

    fn push_all(&mut self, v: impl IntoIterator<Item = Deps>) {
        self.items.extend(v);
    }

    /// The carried latency: the largest latency of a path from an entry
    /// item to the item now in its place.
    fn carried(&self) -> u32 {
        let mut best = 0;
        for (k, d) in self.items.iter().enumerate() {
            // Item k from the bottom of what was pushed sits where entry
            // item (taken - 1 - k) was, counting from the entry top.
            let Some(entry) = self.taken.checked_sub(1 + k as u32) else { continue };
            let want = (self.place)(entry);
            best = best.max(d.iter().filter(|(p, _)| *p == want).map(|(_, l)| *l).max().unwrap_or(0));
        }
        best
    }
}

/// The carried latency of a block in cycles (see the module doc).
pub fn block_latency(b: &Block, known: &Known) -> u32 {
    let mut data = Stack::new(Place::Data);
    let mut ret = Stack::new(Place::Return);
    let mut locals: HashMap<u32, Deps> = HashMap::new();
    let mut values: HashMap<u32, Deps> = HashMap::new();
    let mut prev: Option<&Op> = None;
    let mut complete = true;
    for op in &b.ops {
        if !step(op, prev, &mut data, &mut ret, &mut locals, &mut values, known) {
            complete = false;
            break;
        }
        prev = Some(op);
    }
    if complete {
        match b.term {
            Term::Branch { .. } => drop(data.pop()),
            Term::QDo { .. } => drop(data.pop_n(2)),
            Term::Loop { plus: true, .. } => drop(data.pop()),
            _ => {}
        }
    }
    let local = locals.iter().map(|(l, d)| own(d, Place::Local(*l)));
    let value = values.iter().map(|(a, d)| own(d, Place::Value(*a)));
    data.carried().max(ret.carried()).max(local.chain(value).max().unwrap_or(0))
}

/// The latency of the path from `place` in `d`, if any.
fn own(d: &Deps, place: Place) -> u32 {
    d.iter().filter(|(p, _)| *p == place).map(|(_, l)| *l).max().unwrap_or(0)
}

/// Runs one op symbolically; false if its effect is not static.
fn step(
    op: &Op,
    prev: Option<&Op>,
    data: &mut Stack,
    ret: &mut Stack,
    locals: &mut HashMap<u32, Deps>,
    values: &mut HashMap<u32, Deps>,
    known: &Known,
) -> bool {
    match *op {
        Op::Lit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) => data.push_all([Vec::new()]),
        Op::DoInit(_) => drop(data.pop_n(2)),
        Op::LocalGet(l) => {
            let d = locals.get(&l.0).cloned().unwrap_or_else(|| vec![(Place::Local(l.0), 0)]);
            data.push_all([d]);
        }
        Op::LocalSet(l) => {
            let d = data.pop();
            locals.insert(l.0, d);
        }
        Op::FetchLit(a) => {
            let d = values.get(&a).cloned().unwrap_or_else(|| vec![(Place::Value(a), 0)]);
            data.push_all([combine(&[d], 4)]);
        }
        Op::StoreLit(a) => {
            let d = data.pop();
            values.insert(a, d);
        }
        Op::Call(xt) => match call_effect(xt, known) {
            Some(e) => {
                let ins = data.pop_n(e.inputs as usize);
                let out = combine(&ins, 0);
                data.push_all((0..e.outputs).map(|_| out.clone()));
            }
            None => return false,
        },
        // ( a b flag -- a|b ), a conditional move of 1 cycle's latency.
        Op::Select => {
            let ins = data.pop_n(3);
            data.push_all([combine(&ins, 1)]);
        }
        // ( x -- n ), one instruction of 3 cycles' latency.
        Op::Popcount => {
            let d = data.pop();
            data.push_all([combine(&[d], 3)]);
        }
        // The vector loop runs before the loop it precedes, whose own
        // blocks carry the latency of its trips; its items pass through.
        Op::Vector(ref v) => {
            let ins = data.pop_n(v.items.len());
            data.push_all(ins);
        }
        Op::Prim(p) | Op::DivU(p) | Op::AtOffset(p, _) => return prim(p, prev, data, ret),
    }
    true
}

/// A pure shuffle's moves: its inputs, and its outputs in order as indices
/// of the inputs (0 the deepest); `None` for every other primitive. The
/// test `every_pure_stack_word_is_a_known_shuffle` checks that each pure
/// primitive of the stack class of the table has its moves here.
fn shuffle_order(p: Prim) -> Option<(usize, &'static [usize])> {
    use Prim::*;
    match p {
        Dup => Some((1, &[0, 0])),
        Drop => Some((1, &[])),
        Swap => Some((2, &[1, 0])),
        Over => Some((2, &[0, 1, 0])),
        Rot => Some((3, &[1, 2, 0])),
        MinusRot => Some((3, &[2, 0, 1])),
        Nip => Some((2, &[1])),
        Tuck => Some((2, &[1, 0, 1])),
        TwoDup => Some((2, &[0, 1, 0, 1])),
        TwoDrop => Some((2, &[])),
        TwoSwap => Some((4, &[2, 3, 0, 1])),
        TwoOver => Some((4, &[0, 1, 2, 3, 0, 1])),
        _ => None,
    }
}

/// Runs a primitive symbolically; false if its effect is not static.
fn prim(p: Prim, prev: Option<&Op>, data: &mut Stack, ret: &mut Stack) -> bool {
    use Prim::*;
    if let Some((n, order)) = shuffle_order(p) {
        let ins = data.pop_n(n);
        data.push_all(order.iter().map(|&i| ins[i].clone()));
        return true;
    }
    match p {
        ToR => ret.push_all([data.pop()]),
        TwoToR => ret.push_all(data.pop_n(2)),
        RFrom => data.push_all([ret.pop()]),
        TwoRFrom => data.push_all(ret.pop_n(2)),
        RFetch => {
            let d = ret.pop();
            ret.push_all([d.clone()]);
            data.push_all([d]);
        }
        RDrop => {
            ret.pop();
        }
        TwoRDrop => {
            ret.pop_n(2);
        }
        TwoRFetch => {
            let d = ret.pop_n(2);
            ret.push_all(d.clone());
            data.push_all(d);
        }
        Pick | Roll => {
            let Some(&Op::Lit(n)) = prev else { return false };
            let Ok(n) = usize::try_from(n) else { return false };
            data.pop();
            let mut ins = data.pop_n(n + 1);
            let x = if p == Pick { ins[0].clone() } else { ins.remove(0) };
            data.push_all(ins);
            data.push_all([x]);
        }
        _ => {
            let Some(e) = prim_effect(p) else { return false };
            let ins = data.pop_n(e.inputs as usize);
            let out = combine(&ins, p.latency());
            data.push_all((0..e.outputs).map(|_| out.clone()));
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::block;
    use crate::ir::LocalId;

    fn lat(ops: Vec<Op>) -> u32 {
        block_latency(&block(ops, Term::Return), &Known::new())
    }

    #[test]
    fn a_hash_step_carries_xor_and_multiply() {
        // ( h addr -- h' addr ): h' = (h xor c@ addr) * 16777619; addr kept.
        use Prim::*;
        let ops = vec![
            Op::Prim(Dup),
            Op::Prim(CFetch),
            Op::Prim(Rot),
            Op::Prim(Xor),
            Op::Lit(16777619),
            Op::Prim(Mul),
            Op::Prim(Swap),
        ];
        // The load is off the carried path: xor 1 + multiply 3.
        assert_eq!(lat(ops), 4);
    }

    #[test]
    fn every_pure_stack_word_is_a_known_shuffle() {
        // A shuffle added to the table without its moves here would be
        // priced as an operation whose outputs wait for all its inputs.
        for &p in Prim::ALL {
            let shuffle = p.cost_class() == crate::primitives::CostClass::Stack && p.is_pure();
            match (shuffle, shuffle_order(p), p.effect()) {
                (true, Some((n, order)), Some((i, o))) => {
                    assert_eq!((n, order.len()), (usize::from(i), usize::from(o)), "{p:?}'s moves and effect differ");
                    assert!(order.iter().all(|&k| k < n), "{p:?} moves an item it does not take");
                }
                (false, None, _) => {}
                other => {
                    panic!("{p:?} is a pure stack word without its moves, or has moves without being one: {other:?}")
                }
            }
        }
    }

    #[test]
    fn shuffles_and_constants_carry_nothing() {
        use Prim::*;
        assert_eq!(lat(vec![Op::Prim(Swap), Op::Prim(Swap)]), 0);
        assert_eq!(lat(vec![Op::Lit(1), Op::Prim(Drop)]), 0);
        // Reading memory at an address made from constants carries nothing.
        assert_eq!(lat(vec![Op::Lit(64), Op::Prim(Fetch), Op::Prim(Drop)]), 0);
        // An increment carries one cycle; through the return stack too.
        assert_eq!(lat(vec![Op::Prim(ToR), Op::Prim(OnePlus), Op::Prim(RFrom)]), 1);
    }

    #[test]
    fn locals_values_and_dynamic_effects() {
        use Prim::*;
        let l = LocalId(0);
        assert_eq!(lat(vec![Op::LocalGet(l), Op::Lit(3), Op::Prim(Mul), Op::LocalSet(l)]), 3);
        // A VALUE is loaded, changed and stored: load 4 + add 1.
        assert_eq!(lat(vec![Op::FetchLit(80), Op::Prim(OnePlus), Op::StoreLit(80)]), 5);
        // 2 PICK copies; the analysis stops at a dynamic PICK but keeps
        // what it found.
        assert_eq!(lat(vec![Op::Prim(OnePlus), Op::Lit(2), Op::Prim(Pick), Op::Prim(Drop)]), 1);
        assert_eq!(lat(vec![Op::Prim(OnePlus), Op::Prim(Pick)]), 1);
        // A block with more pops than anything: no panic.
        assert_eq!(lat(vec![Op::Prim(TwoDrop), Op::Prim(RFrom), Op::Prim(TwoRFetch), Op::Prim(Roll)]), 0);
    }
}
