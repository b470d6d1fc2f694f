//! The intermediate representation of one colon definition.
//!
//! A definition is a control-flow graph of basic blocks. A block holds a
//! straight-line list of [`Op`]s that act on the data stack, and ends in one
//! [`Term`]inator. Forth's control words build the graph directly (an `IF`
//! ends a block with a [`Term::Branch`]), so the graph may have any shape the
//! control-flow words can make; `emit` turns it back into structured wasm.
//!
//! Counted loops keep their index and limit in per-loop slots ([`LoopId`]),
//! which the emitter maps to wasm locals.
//!
//! Locals (`{: a b :}`, `(LOCAL)`) are numbered slots too ([`LocalId`]), which
//! the emitter maps to wasm locals; they exist only within their function.
//!
//! Invariants (checked by [`verify`]): every block has a terminator, every
//! branch target is a block of the function, block 0 is the entry, every
//! loop slot used is below `n_loops` and every local below `n_locals`.

use std::fmt;

use crate::primitives::Prim;

#[cfg(test)]
pub(crate) mod test_builders;
pub mod vector;
pub mod verify;

/// An execution token: an index into the machine's table.
pub type Xt = u32;

/// Index of a block within its function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct BlockId(pub u32);

impl BlockId {
    /// A target not yet resolved by the control-flow words.
    pub const PENDING: BlockId = BlockId(u32::MAX);

    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Index of a counted loop's slots (index and limit) within its function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LoopId(pub u32);

/// Index of a local (`{: ... :}`) within its function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LocalId(pub u32);

/// One straight-line operation on the data stack.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Op {
    /// Push a constant.
    Lit(i32),
    /// An inline primitive.
    Prim(Prim),
    /// Call the word with this xt (a colon definition, a host word, or any
    /// word whose behaviour is only known at run time).
    Call(Xt),
    /// Push the cell stored at this address (a VALUE: never folded).
    FetchLit(u32),
    /// Pop a cell and store it at this address (`TO` of a VALUE).
    StoreLit(u32),
    /// Pop index and limit into a loop's slots (`DO`, `?DO`).
    DoInit(LoopId),
    /// Push a loop's current index (`I`, `J`).
    LoopIndex(LoopId),
    /// Push a loop's limit (gforth's `I'`, and the test of `-LOOP`).
    LoopLimit(LoopId),
    /// Push the value of a local.
    LocalGet(LocalId),
    /// Pop a cell into a local (its initialization, or `TO`).
    LocalSet(LocalId),
    /// Replace the top cell by the number of its set bits (wasm
    /// `i32.popcnt`). No word compiles to it: the idiom pass puts it in
    /// place of a loop that counts bits (see `passes::idiom`).
    Popcount,
    /// A floored `/`, `MOD` or `/MOD` (the primitive) whose dividend the
    /// range analysis proved non-negative and divisor positive, where the
    /// floored and the unsigned division agree: emitted as `i32.div_u` and
    /// `i32.rem_u`. No word compiles to it (see `passes::ranges`).
    DivU(Prim),
    /// A load or store primitive (`@`, `!`, `C@`, `C!`, `+!`) at the
    /// address on top of the stack plus a constant `offset`, which the
    /// wasm access's static offset adds: the range analysis proved the
    /// address non-negative and the sum not past the cell range, where the
    /// wrapping `+` and the offset give the same address. No word compiles
    /// to it (see `passes::address_offset`).
    AtOffset(Prim, u32),
    /// Pop a flag, then `b`, then `a`; push `a` if the flag is non-zero,
    /// else `b` (wasm `select`). No word compiles to it: `passes::if_convert`
    /// puts it in place of branches.
    Select,
    /// Run the first trips of the counted loop that follows four at a time
    /// with wasm SIMD, updating its index and its stack items; the loop
    /// itself runs the rest (at least one trip). No word compiles to it:
    /// `passes::vectorize` puts it in front of loops it can describe.
    Vector(Box<vector::VecLoop>),
}

impl Op {
    /// Whether [`Op::AtOffset`] may carry `p`: a load or store of a cell or
    /// a byte whose address is the top of the stack.
    pub fn takes_offset(p: Prim) -> bool {
        matches!(p, Prim::Fetch | Prim::CFetch | Prim::Store | Prim::CStore | Prim::AddStore)
    }
}

/// How a block ends.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Term {
    /// Continue at a block.
    Jump(BlockId),
    /// Pop a flag; go to `nonzero` if it is non-zero, else to `zero`.
    Branch {
        /// Target when the flag is non-zero.
        nonzero: BlockId,
        /// Target when the flag is zero.
        zero: BlockId,
    },
    /// `?DO`'s test: skip the loop (go to `exit`) if index equals limit.
    QDo {
        /// The loop.
        lp: LoopId,
        /// The loop body.
        body: BlockId,
        /// After the loop.
        exit: BlockId,
    },
    /// `LOOP` (step 1) or `+LOOP` (pops the step): step the index, then go
    /// back to `body` unless it crossed the limit, in which case go to `exit`.
    Loop {
        /// The loop.
        lp: LoopId,
        /// Whether the step is popped from the stack (`+LOOP`).
        plus: bool,
        /// The loop body.
        body: BlockId,
        /// After the loop.
        exit: BlockId,
    },
    /// Return from the definition.
    Return,
}

impl Term {
    /// The successor blocks, in a fixed order (without allocating: the
    /// analyses ask for them in their inner loops).
    pub fn successors(&self) -> Successors {
        match *self {
            Term::Jump(t) => Successors { ids: [t, t], len: 1 },
            Term::Branch { nonzero, zero } => Successors { ids: [nonzero, zero], len: 2 },
            Term::QDo { body, exit, .. } | Term::Loop { body, exit, .. } => Successors { ids: [body, exit], len: 2 },
            Term::Return => Successors { ids: [BlockId(0); 2], len: 0 },
        }
    }

    /// Every successor slot, for resolving pending targets.
    pub fn successors_mut(&mut self) -> Vec<&mut BlockId> {
        match self {
            Term::Jump(t) => vec![t],
            Term::Branch { nonzero, zero } => vec![nonzero, zero],
            Term::QDo { body, exit, .. } | Term::Loop { body, exit, .. } => vec![body, exit],
            Term::Return => vec![],
        }
    }
}

/// A terminator's successor blocks: at most two, kept inline; a slice of
/// them, or an iterator by value.
#[derive(Clone, Copy, Debug)]
pub struct Successors {
    ids: [BlockId; 2],
    len: usize,
}

impl std::ops::Deref for Successors {
    type Target = [BlockId];
    fn deref(&self) -> &[BlockId] {
        &self.ids[..self.len]
    }
}

impl<'a> IntoIterator for &'a Successors {
    type Item = &'a BlockId;
    type IntoIter = std::slice::Iter<'a, BlockId>;
    fn into_iter(self) -> Self::IntoIter {
        self.ids[..self.len].iter()
    }
}

impl IntoIterator for Successors {
    type Item = BlockId;
    type IntoIter = std::iter::Take<std::array::IntoIter<BlockId, 2>>;
    fn into_iter(self) -> Self::IntoIter {
        self.ids.into_iter().take(self.len)
    }
}

/// A basic block.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    /// The straight-line operations.
    pub ops: Vec<Op>,
    /// The terminator.
    pub term: Term,
}

/// A colon definition (or one part of a definition split by `DOES>`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Function {
    /// The execution token the function is installed at.
    pub xt: Xt,
    /// The word's name, for diagnostics and the name section.
    pub name: String,
    /// The blocks; block 0 is the entry.
    pub blocks: Vec<Block>,
    /// Number of counted-loop slot pairs.
    pub n_loops: u32,
    /// Number of locals.
    pub n_locals: u32,
}

impl fmt::Display for Function {
    /// Prints the text form used by pass tests: one block per paragraph.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "function {} xt={} loops={}", self.name, self.xt, self.n_loops)?;
        if self.n_locals > 0 {
            write!(f, " locals={}", self.n_locals)?;
        }
        writeln!(f)?;
        for (i, b) in self.blocks.iter().enumerate() {
            writeln!(f, "b{i}:")?;
            for op in &b.ops {
                writeln!(f, "    {op}")?;
            }
            writeln!(f, "    {}", b.term)?;
        }
        Ok(())
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::Lit(n) => write!(f, "lit {n}"),
            Op::Prim(p) => write!(f, "prim {}", p.name()),
            Op::Call(xt) => write!(f, "call {xt}"),
            Op::FetchLit(a) => write!(f, "fetch {a:#x}"),
            Op::StoreLit(a) => write!(f, "store {a:#x}"),
            Op::DoInit(l) => write!(f, "do L{}", l.0),
            Op::LoopIndex(l) => write!(f, "index L{}", l.0),
            Op::LoopLimit(l) => write!(f, "limit L{}", l.0),
            Op::LocalGet(l) => write!(f, "local.get {}", l.0),
            Op::LocalSet(l) => write!(f, "local.set {}", l.0),
            Op::Popcount => write!(f, "popcount"),
            Op::Select => write!(f, "select"),
            Op::DivU(p) => write!(f, "unsigned {}", p.name()),
            Op::AtOffset(p, offset) => write!(f, "prim {} offset={offset:#x}", p.name()),
            Op::Vector(v) => write!(f, "{v}"),
        }
    }
}

impl fmt::Display for BlockId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if *self == BlockId::PENDING {
            write!(f, "b?")
        } else {
            write!(f, "b{}", self.0)
        }
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Jump(t) => write!(f, "jump {t}"),
            Term::Branch { nonzero, zero } => write!(f, "branch {nonzero} else {zero}"),
            Term::QDo { lp, body, exit } => write!(f, "qdo L{} {body} exit {exit}", lp.0),
            Term::Loop { lp, plus, body, exit } => {
                write!(f, "{} L{} {body} exit {exit}", if *plus { "+loop" } else { "loop" }, lp.0)
            }
            Term::Return => write!(f, "return"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_shows_blocks_ops_and_terminators() {
        let func = Function {
            xt: 7,
            name: "ABS2".into(),
            blocks: vec![
                Block {
                    ops: vec![Op::Prim(Prim::Dup), Op::Prim(Prim::ZeroLt)],
                    term: Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                },
                Block { ops: vec![Op::Prim(Prim::Negate)], term: Term::Jump(BlockId(2)) },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        let text = func.to_string();
        assert_eq!(
            text,
            "function ABS2 xt=7 loops=0\nb0:\n    prim DUP\n    prim 0<\n    branch b1 else b2\nb1:\n    prim NEGATE\n    jump b2\nb2:\n    return\n"
        );
    }
}
