//! Vectorization of loop nests: an outer counted loop whose every trip runs
//! a whole inner counted loop that reduces, four outer trips at a time.
//!
//! A matrix product in i-j-k order (`ma J ROW * +  mb I CELLS +  0  N 0 DO
//! ... LOOP  mc ... !`) or a matrix's transpose times a vector walks a
//! column in its inner loop: one element per row, so its four next trips
//! load cells a row apart, which no vector load reads. Four trips of the
//! *outer* loop, though, walk four neighbouring columns: lane `j` runs the
//! inner trips of outer trip `t + j`, and at inner trip `s` the four lanes
//! load four neighbouring cells. gcc vectorizes such nests this way.
//!
//! The pass looks for an outer counted loop whose body is three blocks: one
//! that ends with the inner loop's `DO`, the inner loop (one block that
//! loops to itself) and one that ends with the outer `LOOP`. It evaluates
//! them symbolically (`vectorize::evaluate`) and composes them: the inner
//! loop's items come from the first block, and the last block sees the
//! inner loop's results. It describes the nest as an outer
//! [`VecLoop`] with a [`Nest`] when:
//!
//! - the inner loop stores nothing, its stack items are kept, walked, or
//!   reduced (as the innermost loops of `vectorize` are), its step is a
//!   positive constant, and its trip count (limit minus start) is the same
//!   for every outer trip;
//! - each inner load either stays at one address for the four outer trips
//!   or moves by one cell per outer trip (a vector load), and at least one
//!   moves;
//! - the outer trip, as the three blocks make it, keeps, walks or reduces
//!   its own items and has at most one store, as `vectorize` requires of an
//!   innermost loop; an address the inner loop walked is not used after it.
//!
//! `emit::vector` checks at run time that the inner trip count is one the
//! scalar loop runs, that every cell loaded or stored lies in memory, and
//! that the outer store touches no cell that the inner loops load; if not,
//! the scalar loops run every trip.
//!
//! Needs: a verified function. Guarantees: the result verifies; only blocks
//! that enter a vectorizable outer loop gain an op; blocks keep their
//! numbers.

use std::rc::Rc;

use super::vectorize::{
    affine_with, classify, entering_block, evaluate, load_strides, loop_leaf, step_of, store_of, stores_walk_forward,
    Aff, Builder, Sym, MAX_ITEMS,
};
use crate::ir::vector::{Carried, Inv, Nest, Sum, VecLoop};
use crate::ir::{BlockId, Function, LoopId, Op, Term};
use crate::primitives::Prim;

/// The three blocks of an outer loop's body.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// The outer loop.
    pub lp: LoopId,
    /// Whether it ends with `+LOOP`.
    pub plus: bool,
    /// Its first block, which ends with the inner loop's `DO`.
    pub pre: usize,
    /// The inner loop's block.
    pub inner: usize,
    /// The block after the inner loop, which ends with the outer `LOOP`.
    pub post: usize,
}

/// `v` with every `Item(j)` replaced by `item(j)`.
fn substitute(v: &Rc<Sym>, item: &dyn Fn(u32) -> Rc<Sym>) -> Rc<Sym> {
    match &**v {
        Sym::Item(j) => item(*j),
        Sym::Bin(p, a, b) => Rc::new(Sym::Bin(*p, substitute(a, item), substitute(b, item))),
        Sym::Un(p, a) => Rc::new(Sym::Un(*p, substitute(a, item))),
        Sym::Load(a) => Rc::new(Sym::Load(substitute(a, item))),
        _ => v.clone(),
    }
}

/// The nest plan of the outer loop of `shape` in `func`, if it has one (see
/// the module doc).
pub fn plan_nest(func: &Function, shape: Shape) -> Option<VecLoop> {
    let cell = runtime::CELL as i32;
    let (pre_ops, inner_ops, post_ops) =
        (&func.blocks[shape.pre].ops, &func.blocks[shape.inner].ops, &func.blocks[shape.post].ops);
    let Term::Loop { lp: li, plus: iplus, .. } = func.blocks[shape.inner].term else { return None };
    let (Op::DoInit(l), pre_ops) = pre_ops.split_last()? else { return None };
    if *l != li {
        return None;
    }
    // The inner loop, on the fewest items it can run on.
    let (di, mut itrip) = (0..=MAX_ITEMS).find_map(|d| evaluate(inner_ops, d, li).map(|t| (d, t)))?;
    let istep = step_of(&mut itrip.out, iplus)?;
    if istep < 0 || itrip.out.len() != di || itrip.store.is_some() {
        return None;
    }
    let (ikinds, icarried, ireductions) = classify(&itrip.out)?;
    let sum_of = |k: usize| ireductions.iter().position(|r| r.0 == k);
    // The outer trip: the first block on `d` items, the inner loop's items
    // on top of what it leaves (under the start and limit of the `DO`),
    // then the last block.
    let (entry, start, limit, out, store) = (0..=MAX_ITEMS).find_map(|d| {
        let first = evaluate(pre_ops, d, shape.lp)?;
        if first.store.is_some() {
            return None;
        }
        let mut st = first.out;
        let (start, limit) = (st.pop()?, st.pop()?);
        let base = st.len().checked_sub(di)?;
        let last = evaluate(post_ops, st.len(), shape.lp)?;
        // After the inner loop: its sums' results; an item it walked is
        // dead (its final address is not worth computing).
        let after = |j: u32| -> Rc<Sym> {
            let j = j as usize;
            match j.checked_sub(base) {
                None => st[j].clone(),
                Some(k) => match (sum_of(k), &icarried[k]) {
                    (Some(r), _) => Rc::new(Sym::Inner(r as u32)),
                    (None, Carried::Same) => st[j].clone(),
                    _ => Rc::new(Sym::Dead),
                },
            }
        };
        let mut out: Vec<Rc<Sym>> = last.out.iter().map(|v| substitute(v, &after)).collect();
        let store = last.store.map(|(a, v)| (substitute(&a, &after), substitute(&v, &after)));
        let step = step_of(&mut out, shape.plus)?;
        (out.len() == d).then(|| (st.split_off(base), start, limit, (out, step), store))
    })?;
    let step = out.1;
    let (kinds, mut carried, reductions) = classify(&out.0)?;
    let mut b = Builder::new(loop_leaf(step, kinds.clone()));
    // The values the sums start from, before any node that uses a result.
    let inits: Vec<u32> = ireductions.iter().map(|(k, ..)| b.node(&entry[*k])).collect::<Option<_>>()?;
    // The inner trip count, the same for every outer trip.
    let (distance, [0, _]) = b.affine(&Sym::Bin(Prim::Sub, limit.clone(), start.clone()))? else { return None };
    let outer_leaf = loop_leaf(step, kinds);
    let outer = move |v: &Sym| affine_with(v, &*outer_leaf);
    let ileaf = move |v: &Sym| -> Option<Aff> {
        let with_inner = |v: &Sym, c: i32| outer(v).map(|(base, [co, _])| (base, [co, c]));
        match v {
            Sym::Item(k) => with_inner(&entry[*k as usize], (*ikinds.get(*k as usize)?)?),
            Sym::Index => with_inner(&start, istep),
            Sym::LoopLimit(l) if *l == li => with_inner(&limit, 0),
            Sym::LoopIndex(l) if *l == shape.lp => Some((Inv::Index, [step, 0])),
            Sym::LoopIndex(l) => Some((Inv::LoopIndex(*l), [0, 0])),
            Sym::LoopLimit(l) => Some((Inv::LoopLimit(*l), [0, 0])),
            Sym::Local(l) => Some((Inv::Local(*l), [0, 0])),
            _ => None,
        }
    };
    let mut ib = Builder::new(Box::new(ileaf));
    let mut sums = Vec::with_capacity(ireductions.len());
    for ((_, op, x), init) in ireductions.iter().zip(inits) {
        sums.push(Sum { op: *op, init, value: ib.node(x)? });
    }
    // Each inner load reads one cell for all four lanes or four neighbours,
    // and some read neighbours (else the outer trips share every load).
    let inner_loads = load_strides(&ib.nodes);
    if inner_loads.iter().any(|&c| c != 0 && c != cell) || !inner_loads.contains(&cell) {
        return None;
    }
    for (k, op, x) in reductions {
        let n = b.node(&x)?;
        carried[k] = Carried::Reduce(op, n);
    }
    let store = store_of(&mut b, &store)?;
    if !stores_walk_forward(&store, &load_strides(&b.nodes)) {
        return None;
    }
    let nest = Nest { lp: li, step: istep, distance, nodes: ib.nodes, sums };
    Some(VecLoop { lp: shape.lp, step, nodes: b.nodes, items: carried, store, nest: Some(Box::new(nest)) })
}

/// The body of the outer loop that ends at block `post`, if it has the
/// shape of a nest: `pre` jumps into an inner loop that loops to itself and
/// leaves to `post`, and nothing else enters any of them.
fn shape_of(func: &Function, post: usize) -> Option<Shape> {
    let Term::Loop { lp, plus, body, .. } = func.blocks[post].term else { return None };
    let pre = body.index();
    let Term::Jump(inner) = func.blocks[pre].term else { return None };
    let inner = inner.index();
    let Term::Loop { body, exit, .. } = func.blocks[inner].term else { return None };
    if body.index() != inner || exit.index() != post || pre == post || inner == post || pre == inner {
        return None;
    }
    let only_from = |target: usize, allowed: &[usize]| {
        (0..func.blocks.len())
            .filter(|p| func.blocks[*p].term.successors().contains(&BlockId(target as u32)))
            .all(|p| allowed.contains(&p))
    };
    (only_from(inner, &[pre, inner]) && only_from(post, &[inner])).then_some(Shape { lp, plus, pre, inner, post })
}

/// Puts a nest plan in front of every outer loop of `func` that has one;
/// returns how many.
pub fn vectorize_nests(func: &mut Function) -> usize {
    let mut count = 0;
    for post in 0..func.blocks.len() {
        let Some(shape) = shape_of(func, post) else { continue };
        let Some(enter) = entering_block(func, shape.lp, BlockId(shape.pre as u32), &[post]) else { continue };
        let Some(v) = plan_nest(func, shape) else { continue };
        func.blocks[enter].ops.push(Op::Vector(Box::new(v)));
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func, p};
    use Prim::*;

    fn lit(n: i32) -> Op {
        Op::Lit(n)
    }

    fn index(l: u32) -> Op {
        Op::LoopIndex(LoopId(l))
    }

    /// `mmul` of an 8 x 8 product in i-j-k order, with its three blocks of
    /// the middle loop L1 given: the start of a row of A and of a column of B
    /// (`pre`), the inner loop L2 (`inner`), the store (`post`).
    fn nest(pre: Vec<Op>, inner: Vec<Op>, post: Vec<Op>) -> Function {
        let (l0, l1, l2) = (LoopId(0), LoopId(1), LoopId(2));
        func(
            vec![
                block(vec![lit(8), lit(0), Op::DoInit(l0)], Term::Jump(BlockId(1))),
                block(vec![lit(8), lit(0), Op::DoInit(l1)], Term::Jump(BlockId(2))),
                block([pre, vec![Op::DoInit(l2)]].concat(), Term::Jump(BlockId(3))),
                block(inner, Term::Loop { lp: l2, plus: false, body: BlockId(3), exit: BlockId(4) }),
                block(post, Term::Loop { lp: l1, plus: false, body: BlockId(2), exit: BlockId(5) }),
                block(vec![], Term::Loop { lp: l0, plus: false, body: BlockId(1), exit: BlockId(6) }),
                block(vec![], Term::Return),
            ],
            3,
        )
    }

    /// `ma J 32 * +  mb I CELLS +  0  8 0` (A at 1000, B at 2000).
    fn pre(b_stride: Prim) -> Vec<Op> {
        vec![
            lit(1000),
            index(0),
            lit(32),
            p(Mul),
            p(Add),
            lit(2000),
            index(1),
            p(b_stride),
            p(Add),
            lit(0),
            lit(8),
            lit(0),
        ]
    }

    /// `>R OVER @ OVER @ * R> + >R 32 + SWAP CELL+ SWAP R>`.
    fn inner() -> Vec<Op> {
        let walk = [p(ToR), lit(32), p(Add), p(Swap), p(CellPlus), p(Swap), p(RFrom)];
        [vec![p(ToR), p(Over), p(Fetch), p(Over), p(Fetch), p(Mul), p(RFrom), p(Add)], walk.to_vec()].concat()
    }

    /// `NIP NIP  mc J 8 * I + CELLS + !` (C at 3000).
    fn post() -> Vec<Op> {
        vec![p(Nip), p(Nip), lit(3000), index(0), lit(8), p(Mul), index(1), p(Add), p(Cells), p(Add), p(Store)]
    }

    fn plan_text(f: &Function) -> Option<String> {
        let shape = shape_of(f, 4)?;
        plan_nest(f, shape).map(|v| v.to_string())
    }

    #[test]
    fn a_matrix_product_runs_four_columns_at_a_time() {
        let f = nest(pre(Cells), inner(), post());
        assert_eq!(
            plan_text(&f).unwrap(),
            "vector L1 step 1: n0=0+0t n1=r0 ; ; !((3000 Add (((index(L0) Mul 8) Add i) Shl 2))+4t)=n1 ; \
             nest L2 step 1 distance (8 Sub 0): m0=@((1000 Add (index(L0) Mul 32))+0t+4s) \
             m1=@((2000 Add (i Shl 2))+4t+32s) m2=Mul(m0,m1) r0Add=m2 from n0"
        );
        let mut g = f.clone();
        assert_eq!(vectorize_nests(&mut g), 1);
        assert!(matches!(g.blocks[1].ops.last(), Some(Op::Vector(v)) if v.lp == LoopId(1) && v.nest.is_some()));
        assert!(crate::ir::verify::verify(&g).is_empty());
        assert_eq!(g.blocks[2..], f.blocks[2..], "the scalar loops stay");
        assert_eq!(vectorize_nests(&mut g), 0, "a loop gets one plan");
    }

    #[test]
    fn nests_the_vector_code_cannot_run_get_no_plan() {
        // Columns two cells apart: each lane's load is a gather.
        assert_eq!(plan_text(&nest(pre(TwoStar), inner(), post())), None, "not one cell apart");
        let f = nest(pre(Cells), inner(), post());
        assert!(plan_text(&f).is_some());
        // The inner loop stores.
        let mut stores = inner();
        stores.extend([p(Dup), lit(4000), p(Store)]);
        assert_eq!(plan_text(&nest(pre(Cells), stores, post())), None, "a store in the inner loop");
        // The walked address of B used after the inner loop.
        let mut uses_walk = post();
        uses_walk[1] = p(Drop);
        uses_walk.insert(0, p(Swap));
        assert_eq!(plan_text(&nest(pre(Cells), inner(), uses_walk)), None, "a walked address used after");
        // An inner trip count that differs between outer trips (`I 0 DO`).
        let mut triangle = pre(Cells);
        let n = triangle.len();
        triangle[n - 2] = index(1);
        assert_eq!(plan_text(&nest(triangle, inner(), post())), None, "a trip count per outer trip");
        // A store whose address does not walk one cell per outer trip.
        let mut rows = post();
        rows.insert(7, p(TwoStar));
        assert_eq!(plan_text(&nest(pre(Cells), inner(), rows)), None, "stores not one cell apart");
    }
}
