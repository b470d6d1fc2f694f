//! Vectorization of counted loops: reductions and element-wise maps over
//! cell arrays run four trips at a time with wasm SIMD.
//!
//! gcc and clang vectorize loops such as `for (i...) sum += a[i] * b[i]`
//! or `y[i] = a * x[i] + y[i]`; Cranelift does not, so the compiler emits the
//! vector code itself. The pass looks for a counted loop (`DO`/`?DO` with
//! `LOOP`, or `+LOOP` with a constant step) whose body is one block that
//! loops to itself, and evaluates that body symbolically on the stack items
//! it uses and the loop index. It can describe the loop (an
//! [`ir::vector::VecLoop`](crate::ir::vector::VecLoop)) when:
//!
//! - the body uses only stack and return-stack shuffles that balance,
//!   literals, the index (other loops' indices, limits and unchanged locals
//!   are constants here), wrapping arithmetic, logic, shifts by a constant,
//!   `MIN`/`MAX`/`ABS`, compares, `@`, and at most one `!` or `+!`;
//! - every stack item it leaves is the one it found (an invariant), that item
//!   plus a constant (an address it walks: `SWAP CELL+`), or that item
//!   combined by `+ - * AND OR XOR MIN MAX` with a value that does not
//!   depend on it (a reduction: `I @ +`, `I @ OVER @ * ROT +`);
//! - every address it loads from or stores to is an affine function of the
//!   trip (`base + coef * t`, such as `vx I CELLS +`); with a store, every
//!   load and the store walk one cell per trip, and all loads of a trip come
//!   before its store.
//!
//! The plan goes into an [`Op::Vector`] at the end of the block that enters
//! the loop (after its `DO`); the loop itself stays as it was and runs the
//! trips the vector code leaves. `emit::vector` checks at run time what the
//! plan cannot know (the trip count, that every address touched is in
//! memory, that a store does not overlap the loads of the next trips) and
//! falls back to the scalar loop for all trips when a check fails, so the
//! program's results and faults are those of the scalar loop.
//!
//! Loop nests whose inner loop walks a column are planned first, four outer
//! trips at a time, by `vectorize_nest`, which shares the evaluator and the
//! node builder defined here (the pipeline's `vectorize` row runs it before
//! [`vectorize_loops`], so that this file does not import it).
//!
//! Needs: a verified function. Guarantees: the result verifies; only blocks
//! that enter a vectorizable loop gain an op; blocks keep their numbers.

use std::collections::HashMap;
use std::rc::Rc;

use crate::ir::vector::{Carried, Inv, InvOp, VBin, VNode, VRed, VShift, VStore, VUn, VecLoop};
use crate::ir::{BlockId, Function, LocalId, LoopId, Op, Term};
use crate::primitives::Prim;

/// The most stack items a vectorized body may use.
pub(super) const MAX_ITEMS: usize = 8;
/// The most nodes a plan may have (bounds the code it makes).
const MAX_NODES: usize = 48;

/// A value the body computes, in terms of what it started with.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum Sym {
    /// The loop's stack item `k` (0: the deepest) at the start of the trip.
    Item(u32),
    /// The loop index of the trip.
    Index,
    /// A constant.
    Lit(i32),
    /// Another loop's index.
    LoopIndex(LoopId),
    /// A loop's limit.
    LoopLimit(LoopId),
    /// A local.
    Local(LocalId),
    /// A binary primitive (see [`binary`]).
    Bin(Prim, Rc<Sym>, Rc<Sym>),
    /// `NEGATE`, `INVERT`, `ABS` or `2/`.
    Un(Prim, Rc<Sym>),
    /// The cell at an address.
    Load(Rc<Sym>),
    /// The result of the inner loop's sum `k` (`vectorize_nest`).
    Inner(u32),
    /// A value no plan may use (an address the inner loop walked).
    Dead,
}

/// What one trip of the body does.
pub(super) struct Trip {
    /// The stack items it leaves, deepest first.
    pub(super) out: Vec<Rc<Sym>>,
    /// Its one store: address and value.
    pub(super) store: Option<(Rc<Sym>, Rc<Sym>)>,
}

/// Whether `p` is a binary primitive the evaluator keeps as [`Sym::Bin`].
fn binary(p: Prim) -> bool {
    use Prim::*;
    matches!(
        p,
        Add | Sub
            | Mul
            | And
            | Or
            | Xor
            | Min
            | Max
            | LShift
            | RShift
            | Eq
            | Ne
            | Lt
            | Gt
            | Le
            | Ge
            | ULt
            | UGt
            | ULe
            | UGe
    )
}

/// Runs `ops` on `depth` items and the index of loop `lp`; `None` if they
/// do anything the plan cannot describe or reach below those items.
pub(super) fn evaluate(ops: &[Op], depth: usize, lp: LoopId) -> Option<Trip> {
    let mut s: Vec<Rc<Sym>> = (0..depth as u32).map(|k| Rc::new(Sym::Item(k))).collect();
    let mut r: Vec<Rc<Sym>> = Vec::new();
    let mut store = None;
    let bin = |p: Prim, a: Rc<Sym>, b: Rc<Sym>| Rc::new(Sym::Bin(p, a, b));
    let lit = |n: i32| Rc::new(Sym::Lit(n));
    for op in ops {
        let n = s.len();
        match op {
            Op::Lit(v) => s.push(lit(*v)),
            Op::LoopIndex(l) if *l == lp => s.push(Rc::new(Sym::Index)),
            Op::LoopIndex(l) => s.push(Rc::new(Sym::LoopIndex(*l))),
            Op::LoopLimit(l) => s.push(Rc::new(Sym::LoopLimit(*l))),
            // The body never sets a local (that op is refused below), so a
            // local is the same on every trip.
            Op::LocalGet(l) => s.push(Rc::new(Sym::Local(*l))),
            Op::Prim(p) => {
                use Prim::*;
                match p {
                    Dup => s.push(s.get(n.checked_sub(1)?)?.clone()),
                    Over => s.push(s.get(n.checked_sub(2)?)?.clone()),
                    Drop => drop(s.pop()?),
                    Swap => s.swap(n.checked_sub(1)?, n.checked_sub(2)?),
                    Nip => drop(s.remove(n.checked_sub(2)?)),
                    Tuck => {
                        let top = s.get(n.checked_sub(1)?)?.clone();
                        s.insert(n.checked_sub(2)?, top);
                    }
                    Rot => {
                        let x = s.remove(n.checked_sub(3)?);
                        s.push(x);
                    }
                    MinusRot => {
                        let x = s.pop()?;
                        s.insert(n.checked_sub(3)?, x);
                    }
                    TwoDup => {
                        let (a, b) = (s.get(n.checked_sub(2)?)?.clone(), s[n - 1].clone());
                        s.extend([a, b]);
                    }
                    TwoDrop => {
                        s.truncate(n.checked_sub(2)?);
                    }
                    TwoSwap => {
                        let i = n.checked_sub(4)?;
                        let low: Vec<_> = s.drain(i..i + 2).collect();
                        s.extend(low);
                    }
                    TwoOver => {
                        let i = n.checked_sub(4)?;
                        let low = [s[i].clone(), s[i + 1].clone()];
                        s.extend(low);
                    }
                    // `n PICK` with a constant `n`.
                    Pick => {
                        let Sym::Lit(u) = *s.pop()? else { return None };
                        let below = s.len().checked_sub(usize::try_from(u).ok()? + 1)?;
                        s.push(s[below].clone());
                    }
                    ToR => r.push(s.pop()?),
                    RFrom => s.push(r.pop()?),
                    RFetch => s.push(r.last()?.clone()),
                    OnePlus | OneMinus | CellPlus | CharPlus => {
                        let a = s.pop()?;
                        let (p, c) = match p {
                            OnePlus => (Add, 1),
                            OneMinus => (Sub, 1),
                            CellPlus => (Add, runtime::CELL as i32),
                            _ => (Add, 1),
                        };
                        s.push(bin(p, a, lit(c)));
                    }
                    Cells | TwoStar => {
                        let a = s.pop()?;
                        s.push(bin(LShift, a, lit(if *p == Cells { 2 } else { 1 })));
                    }
                    Chars => {}
                    ZeroEq | ZeroNe | ZeroLt | ZeroGt | ZeroLe | ZeroGe => {
                        let a = s.pop()?;
                        let p = match p {
                            ZeroEq => Eq,
                            ZeroNe => Ne,
                            ZeroLt => Lt,
                            ZeroGt => Gt,
                            ZeroLe => Le,
                            _ => Ge,
                        };
                        s.push(bin(p, a, lit(0)));
                    }
                    True => s.push(lit(-1)),
                    False => s.push(lit(0)),
                    Negate | Invert | Abs | TwoSlash => {
                        let a = s.pop()?;
                        s.push(Rc::new(Sym::Un(*p, a)));
                    }
                    p if binary(*p) => {
                        let b = s.pop()?;
                        let a = s.pop()?;
                        s.push(bin(*p, a, b));
                    }
                    Fetch => {
                        // A load after the trip's store could read what the
                        // store wrote: lanes would not see it.
                        if store.is_some() {
                            return None;
                        }
                        let a = s.pop()?;
                        s.push(Rc::new(Sym::Load(a)));
                    }
                    Store | AddStore => {
                        if store.is_some() {
                            return None;
                        }
                        let a = s.pop()?;
                        let v = s.pop()?;
                        let v = if *p == AddStore { bin(Add, Rc::new(Sym::Load(a.clone())), v) } else { v };
                        store = Some((a, v));
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    r.is_empty().then_some(Trip { out: s, store })
}

/// The constant `c` if `v` is item `k` plus `c` (`CELL+`, `1+`, `4 +`,
/// `N CELLS +`).
fn offset_of(v: &Sym, k: u32) -> Option<i32> {
    match v {
        Sym::Item(j) if *j == k => Some(0),
        Sym::Bin(Prim::Add, a, b) => match (constant(a), constant(b)) {
            (_, Some(c)) => offset_of(a, k).map(|o| o.wrapping_add(c)),
            (Some(c), None) => offset_of(b, k).map(|o| o.wrapping_add(c)),
            (None, None) => None,
        },
        Sym::Bin(Prim::Sub, a, b) => constant(b).and_then(|c| offset_of(a, k).map(|o| o.wrapping_sub(c))),
        _ => None,
    }
}

/// Whether `v` mentions item `k`.
fn mentions(v: &Sym, k: u32) -> bool {
    match v {
        Sym::Item(j) => *j == k,
        Sym::Bin(_, a, b) => mentions(a, k) || mentions(b, k),
        Sym::Un(_, a) | Sym::Load(a) => mentions(a, k),
        _ => false,
    }
}

/// The reduction `v` makes of item `k`: its operation and the value it
/// combines in (which must not mention the item).
fn reduction_of(v: &Sym, k: u32) -> Option<(VRed, Rc<Sym>)> {
    let Sym::Bin(p, a, b) = v else { return None };
    let item = Sym::Item(k);
    let op = match p {
        Prim::Add => VRed::Add,
        Prim::Mul => VRed::Mul,
        Prim::And => VRed::And,
        Prim::Or => VRed::Or,
        Prim::Xor => VRed::Xor,
        Prim::Min => VRed::Min,
        Prim::Max => VRed::Max,
        Prim::Sub if **a == item && !mentions(b, k) => return Some((VRed::Sub, b.clone())),
        _ => return None,
    };
    if **a == item && !mentions(b, k) {
        Some((op, b.clone()))
    } else if **b == item && !mentions(a, k) {
        Some((op, a.clone()))
    } else {
        None
    }
}

/// An affine value: `base + c[0] * t + c[1] * s`, for the trip `t` of the
/// plan's loop and the trip `s` of its nest's inner loop.
pub(super) type Aff = (Inv, [i32; 2]);

/// What a plan's leaves are ([`Sym::Item`], [`Sym::Index`], loop indices
/// and limits, locals) as affine values; `None`: not affine.
pub(super) type Leaf<'a> = Box<dyn Fn(&Sym) -> Option<Aff> + 'a>;

/// The leaves of a loop with index step `step` whose items do `kinds`
/// (the constant each adds per trip; `None` for a reduction).
pub(super) fn loop_leaf(step: i32, kinds: Vec<Option<i32>>) -> Leaf<'static> {
    Box::new(move |v: &Sym| {
        Some(match v {
            Sym::Item(k) => (Inv::Item(*k), [(*kinds.get(*k as usize)?)?, 0]),
            Sym::Index => (Inv::Index, [step, 0]),
            Sym::LoopIndex(l) => (Inv::LoopIndex(*l), [0, 0]),
            Sym::LoopLimit(l) => (Inv::LoopLimit(*l), [0, 0]),
            Sym::Local(l) => (Inv::Local(*l), [0, 0]),
            _ => return None,
        })
    })
}

fn inv_bin(op: InvOp, a: Inv, b: Inv) -> Inv {
    Inv::Bin(op, Box::new(a), Box::new(b))
}

/// `v` as an affine value, with `leaf` for its leaves.
pub(super) fn affine_with(v: &Sym, leaf: &dyn Fn(&Sym) -> Option<Aff>) -> Option<Aff> {
    const ZERO: [i32; 2] = [0, 0];
    let scale = |c: [i32; 2], m: i32| c.map(|x| x.wrapping_mul(m));
    Some(match v {
        Sym::Lit(n) => (Inv::Lit(*n), ZERO),
        Sym::Un(Prim::Negate, a) => {
            let (b, c) = affine_with(a, leaf)?;
            (inv_bin(InvOp::Sub, Inv::Lit(0), b), c.map(i32::wrapping_neg))
        }
        Sym::Bin(p, a, b) => {
            let (ba, ca) = affine_with(a, leaf)?;
            let (bb, cb) = affine_with(b, leaf)?;
            let add = |x: [i32; 2], y: [i32; 2]| [x[0].wrapping_add(y[0]), x[1].wrapping_add(y[1])];
            match p {
                Prim::Add => (inv_bin(InvOp::Add, ba, bb), add(ca, cb)),
                Prim::Sub => (inv_bin(InvOp::Sub, ba, bb), add(ca, cb.map(i32::wrapping_neg))),
                Prim::Mul => match (&ba, ca, &bb, cb) {
                    (_, _, Inv::Lit(m), ZERO) => (inv_bin(InvOp::Mul, ba.clone(), bb.clone()), scale(ca, *m)),
                    (Inv::Lit(m), ZERO, _, _) => (inv_bin(InvOp::Mul, ba.clone(), bb.clone()), scale(cb, *m)),
                    (_, ZERO, _, ZERO) => (inv_bin(InvOp::Mul, ba, bb), ZERO),
                    _ => return None,
                },
                Prim::LShift => match (&bb, cb) {
                    (Inv::Lit(n), ZERO) => {
                        let c = ca.map(|x| x.wrapping_shl(*n as u32));
                        (inv_bin(InvOp::Shl, ba, bb.clone()), c)
                    }
                    _ if ca == ZERO && cb == ZERO => (inv_bin(InvOp::Shl, ba, bb), ZERO),
                    _ => return None,
                },
                Prim::And | Prim::Or | Prim::Xor if ca == ZERO && cb == ZERO => {
                    let op = match p {
                        Prim::And => InvOp::And,
                        Prim::Or => InvOp::Or,
                        _ => InvOp::Xor,
                    };
                    (inv_bin(op, ba, bb), ZERO)
                }
                _ => return None,
            }
        }
        Sym::Load(_) | Sym::Un(..) | Sym::Inner(_) | Sym::Dead => return None,
        _ => leaf(v)?,
    })
}

/// Builds the nodes of a plan from the body's values.
pub(super) struct Builder<'a> {
    leaf: Leaf<'a>,
    pub(super) nodes: Vec<VNode>,
    memo: HashMap<Sym, u32>,
}

impl<'a> Builder<'a> {
    pub(super) fn new(leaf: Leaf<'a>) -> Builder<'a> {
        Builder { leaf, nodes: Vec::new(), memo: HashMap::new() }
    }

    /// `v` as an affine value, if it is one.
    pub(super) fn affine(&self, v: &Sym) -> Option<Aff> {
        affine_with(v, &*self.leaf)
    }

    /// The node of `v`, made (with the nodes it uses) if new.
    pub(super) fn node(&mut self, v: &Sym) -> Option<u32> {
        if let Some(&n) = self.memo.get(v) {
            return Some(n);
        }
        let node = if let Some((base, [coef, inner])) = self.affine(v) {
            VNode::Affine { base, coef, inner }
        } else {
            match v {
                Sym::Load(a) => {
                    let (base, [coef, inner]) = self.affine(a)?;
                    VNode::Load { base, coef, inner }
                }
                Sym::Inner(r) => VNode::Inner(*r),
                Sym::Bin(p @ (Prim::LShift | Prim::RShift), a, b) => {
                    let Sym::Lit(c @ 0..=31) = **b else { return None };
                    let kind = if *p == Prim::LShift { VShift::Shl } else { VShift::ShrU };
                    VNode::Shift(kind, self.node(a)?, c as u8)
                }
                Sym::Bin(p, a, b) => {
                    let op = vbin(*p)?;
                    let (a, b) = (self.node(a)?, self.node(b)?);
                    VNode::Bin(op, a, b)
                }
                Sym::Un(Prim::TwoSlash, a) => VNode::Shift(VShift::ShrS, self.node(a)?, 1),
                Sym::Un(p, a) => {
                    let op = match p {
                        Prim::Negate => VUn::Negate,
                        Prim::Invert => VUn::Invert,
                        _ => VUn::Abs,
                    };
                    VNode::Un(op, self.node(a)?)
                }
                _ => return None,
            }
        };
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        self.nodes.push(node);
        let n = self.nodes.len() as u32 - 1;
        self.memo.insert(v.clone(), n);
        Some(n)
    }
}

fn vbin(p: Prim) -> Option<VBin> {
    use Prim::*;
    Some(match p {
        Add => VBin::Add,
        Sub => VBin::Sub,
        Mul => VBin::Mul,
        And => VBin::And,
        Or => VBin::Or,
        Xor => VBin::Xor,
        Min => VBin::Min,
        Max => VBin::Max,
        Eq => VBin::Eq,
        Ne => VBin::Ne,
        Lt => VBin::Lt,
        Gt => VBin::Gt,
        Le => VBin::Le,
        Ge => VBin::Ge,
        ULt => VBin::ULt,
        UGt => VBin::UGt,
        ULe => VBin::ULe,
        UGe => VBin::UGe,
        _ => return None,
    })
}

/// The value of `v` if it is a constant (`1 CELLS`).
pub(super) fn constant(v: &Sym) -> Option<i32> {
    match v {
        Sym::Lit(n) => Some(*n),
        Sym::Bin(p, a, b) => {
            let (a, b) = (constant(a)?, constant(b)?);
            Some(match p {
                Prim::Add => a.wrapping_add(b),
                Prim::Sub => a.wrapping_sub(b),
                Prim::Mul => a.wrapping_mul(b),
                Prim::LShift => a.wrapping_shl(b as u32),
                _ => return None,
            })
        }
        Sym::Un(Prim::Negate, a) => Some(constant(a)?.wrapping_neg()),
        _ => None,
    }
}

/// A trip's stack items: what each does (the constant it adds per trip,
/// `None` for a reduction), how it is carried, and the reductions as
/// (item, operation, value combined in).
pub(super) type Classes = (Vec<Option<i32>>, Vec<Carried>, Vec<(usize, VRed, Rc<Sym>)>);

/// Classifies the items `out` a trip leaves (see the module doc); `None` if
/// one is neither walked, kept nor reduced.
pub(super) fn classify(out: &[Rc<Sym>]) -> Option<Classes> {
    let mut kinds = Vec::with_capacity(out.len());
    let mut carried = Vec::with_capacity(out.len());
    let mut reductions = Vec::new();
    for (k, v) in out.iter().enumerate() {
        let k = k as u32;
        if let Some(c) = offset_of(v, k) {
            kinds.push(Some(c));
            carried.push(if c == 0 { Carried::Same } else { Carried::Step(c) });
        } else {
            let (op, x) = reduction_of(v, k)?;
            kinds.push(None);
            carried.push(Carried::Same);
            reductions.push((k as usize, op, x));
        }
    }
    Some((kinds, carried, reductions))
}

/// The index step of a trip that left `out`: the constant it leaves on top
/// for `+LOOP` (popped), neither 0 nor so large that trips could wrap; 1
/// for `LOOP`.
pub(super) fn step_of(out: &mut Vec<Rc<Sym>>, plus: bool) -> Option<i32> {
    if !plus {
        return Some(1);
    }
    let c = constant(out.pop()?.as_ref())?;
    (c != 0 && c.unsigned_abs() < 1 << 30).then_some(c)
}

/// The store of a trip, if it has one the vector code can make: the
/// address affine in the trip.
pub(super) fn store_of(b: &mut Builder, store: &Option<(Rc<Sym>, Rc<Sym>)>) -> Option<Option<VStore>> {
    Some(match store {
        Some((a, v)) => {
            let (base, [coef, _]) = b.affine(a)?;
            let value = b.node(v)?;
            Some(VStore { base, coef, value })
        }
        None => None,
    })
}

/// The strides of the loads among `nodes`.
pub(super) fn load_strides(nodes: &[VNode]) -> Vec<i32> {
    nodes
        .iter()
        .filter_map(|n| match n {
            VNode::Load { coef, .. } => Some(*coef),
            _ => None,
        })
        .collect()
}

/// The plan of loop `lp` whose body is `ops` (which leave the step on top
/// for `+LOOP`, when `plus`), if the body is one the vector code can run
/// (see the module doc).
pub fn plan(ops: &[Op], lp: LoopId, plus: bool) -> Option<VecLoop> {
    // The fewest items the body can run on.
    let (depth, mut trip) = (0..=MAX_ITEMS).find_map(|d| evaluate(ops, d, lp).map(|t| (d, t)))?;
    let step = step_of(&mut trip.out, plus)?;
    if trip.out.len() != depth {
        return None;
    }
    let (kinds, mut carried, reductions) = classify(&trip.out)?;
    let mut b = Builder::new(loop_leaf(step, kinds));
    for (k, op, x) in reductions {
        let n = b.node(&x)?;
        carried[k] = Carried::Reduce(op, n);
    }
    let store = store_of(&mut b, &trip.store)?;
    let loads = load_strides(&b.nodes);
    let cell = runtime::CELL as i32;
    // Work worth doing: a stream of consecutive cells (up or down), loaded
    // or stored.
    // Other strides load their lanes one by one, which alone costs more
    // than the scalar loop (measured: a sum down a matrix column ran 1.25
    // times slower, one along a row 2.5 times faster, and a row times a
    // column 1.15 times faster).
    if !loads.iter().any(|c| c.abs() == cell) && store.is_none() {
        return None;
    }
    if !stores_walk_forward(&store, &loads) {
        return None;
    }
    Some(VecLoop { lp, step, nodes: b.nodes, items: carried, store, nest: None })
}

/// With a store, every stream must walk one cell per trip forward, so that
/// one run-time distance test finds the overlaps that matter.
pub(super) fn stores_walk_forward(store: &Option<VStore>, loads: &[i32]) -> bool {
    let cell = runtime::CELL as i32;
    match store {
        Some(s) => s.coef == cell && loads.iter().all(|&c| c == cell),
        None => true,
    }
}

/// The block that enters the counted loop `lp` at `body` right after its
/// `DO`, if `body` has exactly one predecessor besides `others`, and that
/// block runs the `DO` and has no plan for `lp` yet.
pub(super) fn entering_block(func: &Function, lp: LoopId, body: BlockId, others: &[usize]) -> Option<usize> {
    let preds: Vec<usize> = (0..func.blocks.len())
        .filter(|p| !others.contains(p) && func.blocks[*p].term.successors().contains(&body))
        .collect();
    let [pre] = preds[..] else { return None };
    let enters = match func.blocks[pre].term {
        Term::Jump(t) => t == body,
        Term::QDo { lp: l, body: t, .. } => l == lp && t == body,
        _ => false,
    };
    let ops = &func.blocks[pre].ops;
    let planned = ops.iter().any(|op| matches!(op, Op::Vector(v) if v.lp == lp));
    (enters && ops.contains(&Op::DoInit(lp)) && !planned).then_some(pre)
}

/// Puts a vector plan in front of every innermost loop of `func` that has
/// one and none yet (the pipeline plans the nests first, with
/// `vectorize_nest`, which uses this file's evaluator); returns how many.
pub fn vectorize_loops(func: &mut Function) -> usize {
    let mut count = 0;
    for b in 0..func.blocks.len() {
        let Term::Loop { lp, plus, body, .. } = func.blocks[b].term else { continue };
        if body.index() != b {
            continue;
        }
        let Some(pre) = entering_block(func, lp, body, &[b]) else { continue };
        let Some(v) = plan(&func.blocks[b].ops, lp, plus) else { continue };
        func.blocks[pre].ops.push(Op::Vector(Box::new(v)));
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::p;
    use crate::ir::Block;
    use Prim::*;

    fn i() -> Op {
        Op::LoopIndex(LoopId(0))
    }

    /// The plan text of a body of loop L0 (`+LOOP` if `plus`).
    fn text(ops: &[Op], plus: bool) -> Option<String> {
        plan(ops, LoopId(0), plus).map(|v| v.to_string())
    }

    #[test]
    fn reductions_over_addresses_and_indices_get_plans() {
        // `I @ +` with `1 CELLS +LOOP`: a sum over addresses.
        let sum = [i(), p(Fetch), p(Add), Op::Lit(1), p(Cells)];
        assert_eq!(text(&sum, true).unwrap(), "vector L0 step 4: n0=@(i+4t) ; s0Add=n0");
        // `OVER I CELLS + @ MAX` with LOOP: the address stays, the maximum is reduced.
        let max = [p(Over), i(), p(Cells), p(Add), p(Fetch), p(Max)];
        assert_eq!(text(&max, false).unwrap(), "vector L0 step 1: n0=@((s0 Add (i Shl 2))+4t) ; s0 s1Max=n0");
        // dot.fs: `I @ OVER @ * ROT + SWAP CELL+`.
        let dot = [i(), p(Fetch), p(Over), p(Fetch), p(Mul), p(Rot), p(Add), p(Swap), p(CellPlus), Op::Lit(4)];
        assert_eq!(
            text(&dot, true).unwrap(),
            "vector L0 step 4: n0=@(i+4t) n1=@(s1+4t) n2=Mul(n0,n1) ; s0Add=n2 s1+=4"
        );
        // A strided walk (a column) and a sum kept on the return stack.
        let col = [p(ToR), p(Over), p(Fetch), p(Over), p(Fetch), p(Mul), p(RFrom), p(Add)];
        let col = [&col[..], &[p(ToR), Op::Lit(800), p(Add), p(Swap), p(CellPlus), p(Swap), p(RFrom)]].concat();
        assert_eq!(
            text(&col, false).unwrap(),
            "vector L0 step 1: n0=@(s0+4t) n1=@(s1+800t) n2=Mul(n0,n1) ; s0+=4 s1+=800 s2Add=n2"
        );
        // A count of flags: `I @ 100 > -`.
        let count = [i(), p(Fetch), Op::Lit(100), p(Gt), p(Sub), Op::Lit(-4)];
        assert_eq!(text(&count, true).unwrap(), "vector L0 step -4: n0=@(i+-4t) n1=100+0t n2=Gt(n0,n1) ; s0Sub=n2");
    }

    #[test]
    fn maps_get_plans_with_their_store() {
        // `I @ 2* I !` over addresses.
        let double = [i(), p(Fetch), p(TwoStar), i(), p(Store), Op::Lit(4)];
        assert_eq!(text(&double, true).unwrap(), "vector L0 step 4: n0=@(i+4t) n1=Shl(n0,1) ; ; !(i+4t)=n1");
        // saxpy: `DUP X I CELLS + @ * Y I CELLS + +!`.
        let saxpy = [p(Dup), Op::Lit(1000), i(), p(Cells), p(Add), p(Fetch), p(Mul)];
        let saxpy = [&saxpy[..], &[Op::Lit(2000), i(), p(Cells), p(Add), p(AddStore)]].concat();
        assert_eq!(
            text(&saxpy, false).unwrap(),
            "vector L0 step 1: n0=@((2000 Add (i Shl 2))+4t) n1=s0+0t n2=@((1000 Add (i Shl 2))+4t) \
             n3=Mul(n1,n2) n4=Add(n0,n3) ; s0 ; !((2000 Add (i Shl 2))+4t)=n4"
        );
    }

    #[test]
    fn other_loops_get_no_plan() {
        for (ops, plus) in [
            // Nothing loaded or stored.
            (vec![i(), p(Add)], false),
            // Only a strided load (a column).
            (vec![p(Over), p(Fetch), p(Add), p(Swap), Op::Lit(800), p(Add), p(Swap)], false),
            // A call.
            (vec![i(), Op::Call(99), p(Add)], false),
            // A division.
            (vec![i(), p(Fetch), Op::Lit(3), p(Mod), p(Add)], false),
            // A store whose address is not affine (a histogram).
            (vec![Op::Lit(1), i(), p(Fetch), p(Cells), Op::Lit(100), p(Add), p(AddStore)], false),
            // A load after the store.
            (vec![i(), p(Fetch), i(), p(Store), i(), p(Fetch), p(Add)], false),
            // A store walking two cells per trip.
            (vec![i(), p(Fetch), i(), p(Store), Op::Lit(8)], true),
            // A byte load.
            (vec![i(), p(CFetch), p(Add)], false),
            // A polynomial hash: the item is used inside the value it takes.
            (vec![Op::Lit(31), p(Mul), i(), p(Fetch), p(Add), Op::Lit(4)], true),
            // A step that is not a constant.
            (vec![i(), p(Fetch), p(Add), p(Dup)], true),
            // A body that changes the depth.
            (vec![i(), p(Fetch)], false),
            // Return-stack items left behind.
            (vec![i(), p(Fetch), p(ToR)], false),
            // A local set in the loop.
            (vec![i(), p(Fetch), Op::LocalSet(LocalId(0))], false),
        ] {
            assert_eq!(text(&ops, plus), None, "{ops:?}");
        }
    }

    /// `: T ( addr n -- s ) 0 -ROT CELLS OVER + SWAP <do> I @ + 1 CELLS +LOOP ;`
    fn sum_function(qdo: bool) -> Function {
        let pre = vec![Op::Lit(0), p(MinusRot), p(Cells), p(Over), p(Add), p(Swap), Op::DoInit(LoopId(0))];
        let lp = LoopId(0);
        let term = if qdo { Term::QDo { lp, body: BlockId(1), exit: BlockId(2) } } else { Term::Jump(BlockId(1)) };
        let body = vec![i(), p(Fetch), p(Add), Op::Lit(1), p(Cells)];
        Function {
            xt: 700,
            name: "T".into(),
            blocks: vec![
                Block { ops: pre, term },
                Block { ops: body, term: Term::Loop { lp, plus: true, body: BlockId(1), exit: BlockId(2) } },
                Block { ops: vec![], term: Term::Return },
            ],
            n_loops: 1,
            n_locals: 0,
        }
    }

    #[test]
    fn the_plan_goes_after_the_do_of_its_loop_once() {
        for qdo in [false, true] {
            let mut f = sum_function(qdo);
            assert_eq!(vectorize_loops(&mut f), 1);
            assert!(matches!(f.blocks[0].ops.last(), Some(Op::Vector(v)) if v.lp == LoopId(0)));
            assert_eq!(f.blocks[1], sum_function(qdo).blocks[1], "the scalar loop stays");
            assert!(crate::ir::verify::verify(&f).is_empty());
            assert_eq!(vectorize_loops(&mut f), 0, "a loop gets one plan");
        }
    }

    #[test]
    fn a_loop_entered_from_elsewhere_gets_no_plan() {
        let mut f = sum_function(false);
        // A second way into the body.
        f.blocks[2].term = Term::Jump(BlockId(1));
        f.blocks.push(Block { ops: vec![], term: Term::Return });
        if let Term::Loop { exit, .. } = &mut f.blocks[1].term {
            *exit = BlockId(3);
        }
        assert_eq!(vectorize_loops(&mut f), 0);
    }
}
