//! The plan of a vectorized counted loop: what [`Op::Vector`] computes.
//!
//! `passes::vectorize` puts one `Op::Vector` right before a counted loop
//! whose body it could describe by this plan; `emit::vector` turns it into
//! wasm SIMD code that runs the loop's first trips four at a time (lanes
//! `t .. t+3` hold trips `t .. t+3`) and leaves the rest, always at least
//! one trip, to the unchanged scalar loop after it.
//!
//! Trips are counted from the vector loop's entry: trip `t` sees the index
//! `index + t * step`. A value of the body is a [`VNode`]: an affine
//! function `base + coef * t` of the trip (the index, an address walked by
//! the loop, a constant), a cell loaded from an affine address, or a
//! lane-wise operation on other nodes. A node only refers to nodes before
//! it. Bases are [`Inv`]: scalars computed once at the entry from the loop's
//! stack items, its index and other invariants.
//!
//! [`Op::Vector`]: super::Op::Vector

use std::fmt;

use super::{LocalId, LoopId};

/// A scalar fixed for the whole vector loop, computed at its entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Inv {
    /// The loop's stack item `k` at the entry (0: the deepest of its items).
    Item(u32),
    /// The loop's index at the entry.
    Index,
    /// A constant.
    Lit(i32),
    /// Another loop's index (`J`), which this loop does not change.
    LoopIndex(LoopId),
    /// A loop's limit.
    LoopLimit(LoopId),
    /// A local the loop does not set.
    Local(LocalId),
    /// Wrapping arithmetic on two scalars.
    Bin(InvOp, Box<Inv>, Box<Inv>),
}

/// The operations of [`Inv::Bin`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum InvOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `LSHIFT` (the count taken modulo 32, as `i32.shl` does).
    Shl,
    /// `AND`.
    And,
    /// `OR`.
    Or,
    /// `XOR`.
    Xor,
}

/// One value of the loop body, computed for four trips at a time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum VNode {
    /// `base + coef * t` at trip `t` (in a [`Nest`]'s nodes, plus
    /// `inner * s` at its trip `s`).
    Affine {
        /// The value at the entry trip.
        base: Inv,
        /// What one trip adds.
        coef: i32,
        /// What one trip of the inner loop adds (0 outside a [`Nest`]).
        #[serde(default)]
        inner: i32,
    },
    /// The cell at address `base + coef * t` at trip `t` (in a [`Nest`]'s
    /// nodes, plus `inner * s` at its trip `s`).
    Load {
        /// The address at the entry trip.
        base: Inv,
        /// What one trip adds to the address.
        coef: i32,
        /// What one trip of the inner loop adds (0 outside a [`Nest`]).
        #[serde(default)]
        inner: i32,
    },
    /// The value the sum `k` of the plan's [`Nest`] has after the inner
    /// loop's trips (lane `j`: that of trip `t + j`).
    Inner(u32),
    /// A lane-wise operation on two earlier nodes.
    Bin(VBin, u32, u32),
    /// A lane-wise operation on one earlier node.
    Un(VUn, u32),
    /// An earlier node shifted by a constant count (0 to 31).
    Shift(VShift, u32, u8),
}

/// Lane-wise operations on two cells, each exactly its Forth word on every
/// lane (flags are -1 and 0, as wasm's lane compares give).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[allow(missing_docs)]
pub enum VBin {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
    Min,
    Max,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    ULt,
    UGt,
    ULe,
    UGe,
}

/// Lane-wise operations on one cell: `NEGATE`, `INVERT`, `ABS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[allow(missing_docs)]
pub enum VUn {
    Negate,
    Invert,
    Abs,
}

/// Shifts by a constant: `LSHIFT`, `RSHIFT`, and the arithmetic shift of `2/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[allow(missing_docs)]
pub enum VShift {
    Shl,
    ShrU,
    ShrS,
}

/// How a reduction combines a trip's value into its stack item. Each is
/// associative and commutative on wrapping cells, so the lanes may
/// accumulate apart and be combined at the end; `Sub` (`acc - x`) is
/// `acc - (x1 + x2 + ...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[allow(missing_docs)]
pub enum VRed {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
    Min,
    Max,
}

/// What the loop does to one of its stack items, trip by trip.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Carried {
    /// Left as it was.
    Same,
    /// A constant added every trip (an address the loop walks).
    Step(i32),
    /// The value of a node combined into it every trip.
    Reduce(VRed, u32),
}

/// The one store of every trip: the value of `value` at the cell
/// `base + coef * t`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VStore {
    /// The address at the entry trip.
    pub base: Inv,
    /// What one trip adds to the address (always one cell).
    pub coef: i32,
    /// The node stored.
    pub value: u32,
}

/// A counted loop's body as lane-wise code (see the module doc).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VecLoop {
    /// The loop.
    pub lp: LoopId,
    /// The index step per trip (1 for `LOOP`, the constant of `+LOOP`).
    pub step: i32,
    /// The nodes, each after those it uses.
    pub nodes: Vec<VNode>,
    /// What each of the loop's stack items becomes, deepest first.
    pub items: Vec<Carried>,
    /// The store of each trip, after all of its loads.
    pub store: Option<VStore>,
    /// The inner counted loop every trip runs, if any (see [`Nest`]).
    #[serde(default)]
    pub nest: Option<Box<Nest>>,
}

/// The inner counted loop that each trip of an outer plan runs whole, four
/// outer trips at a time: lane `j` runs the inner trips of outer trip
/// `t + j`, in order, so every lane computes exactly what its scalar trip
/// would. Its values ([`VNode`]s whose `Affine` and `Load` also move by
/// `inner` per inner trip `s`) may use the outer trip's nodes that come
/// before the first [`VNode::Inner`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Nest {
    /// The inner loop.
    pub lp: LoopId,
    /// Its index step per trip (positive).
    pub step: i32,
    /// Its limit minus its start, the same for every outer trip.
    pub distance: Inv,
    /// Its nodes, each after those it uses; `Load`s move by one cell or
    /// not at all from one outer trip to the next.
    pub nodes: Vec<VNode>,
    /// What its stack items that are reductions become.
    pub sums: Vec<Sum>,
}

/// A stack item of a [`Nest`]'s loop that every inner trip combines a value
/// into.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sum {
    /// How the value is combined in (`acc op value`, lane by lane).
    pub op: VRed,
    /// The outer plan's node of its value when the inner loop starts.
    pub init: u32,
    /// The nest's node combined in every inner trip.
    pub value: u32,
}

impl fmt::Display for Inv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Inv::Item(k) => write!(f, "s{k}"),
            Inv::Index => write!(f, "i"),
            Inv::Lit(n) => write!(f, "{n}"),
            Inv::LoopIndex(l) => write!(f, "index(L{})", l.0),
            Inv::LoopLimit(l) => write!(f, "limit(L{})", l.0),
            Inv::Local(l) => write!(f, "local{}", l.0),
            Inv::Bin(op, a, b) => write!(f, "({a} {op:?} {b})"),
        }
    }
}

/// Writes `nodes` as ` {p}K=...` each, `p` naming them.
fn write_nodes(f: &mut fmt::Formatter<'_>, nodes: &[VNode], p: &str) -> fmt::Result {
    let s = |inner: i32| if inner == 0 { String::new() } else { format!("+{inner}s") };
    for (k, n) in nodes.iter().enumerate() {
        match n {
            VNode::Affine { base, coef, inner } => write!(f, " {p}{k}={base}+{coef}t{}", s(*inner))?,
            VNode::Load { base, coef, inner } => write!(f, " {p}{k}=@({base}+{coef}t{})", s(*inner))?,
            VNode::Bin(op, a, b) => write!(f, " {p}{k}={op:?}({p}{a},{p}{b})")?,
            VNode::Un(op, a) => write!(f, " {p}{k}={op:?}({p}{a})")?,
            VNode::Shift(op, a, c) => write!(f, " {p}{k}={op:?}({p}{a},{c})")?,
            VNode::Inner(r) => write!(f, " {p}{k}=r{r}")?,
        }
    }
    Ok(())
}

impl fmt::Display for VecLoop {
    /// One line: the loop, the nodes (`nK`), the items and the store; then
    /// the nest, if any: its loop, nodes (`mK`) and sums (`rK`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "vector L{} step {}:", self.lp.0, self.step)?;
        write_nodes(f, &self.nodes, "n")?;
        write!(f, " ;")?;
        for (k, c) in self.items.iter().enumerate() {
            match c {
                Carried::Same => write!(f, " s{k}")?,
                Carried::Step(c) => write!(f, " s{k}+={c}")?,
                Carried::Reduce(op, n) => write!(f, " s{k}{op:?}=n{n}")?,
            }
        }
        if let Some(s) = &self.store {
            write!(f, " ; !({}+{}t)=n{}", s.base, s.coef, s.value)?;
        }
        if let Some(n) = &self.nest {
            write!(f, " ; nest L{} step {} distance {}:", n.lp.0, n.step, n.distance)?;
            write_nodes(f, &n.nodes, "m")?;
            for (r, sum) in n.sums.iter().enumerate() {
                write!(f, " r{r}{:?}=m{} from n{}", sum.op, sum.value, sum.init)?;
            }
        }
        Ok(())
    }
}
