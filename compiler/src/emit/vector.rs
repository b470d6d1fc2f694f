//! wasm SIMD code for [`Op::Vector`]: the first trips of a counted loop,
//! four at a time (see `ir::vector` for the plan, `passes::vectorize` for
//! which loops get one).
//!
//! The code pops the loop's stack items and runs, inside one wasm `block`:
//!
//! 1. the trip count `n` from the loop's index and limit (`LOOP` and
//!    `+LOOP` end exactly where the scalar loop's tests end them), and the
//!    number of chunks of four trips, `(n - 1) / 4`, so that the scalar loop
//!    after it always has one to four trips left (a `DO` loop runs at least
//!    once, whatever its index and limit); going down, `(n - 2) / 4`, since
//!    the last trip's index equals the limit, which `?DO` would take for an
//!    empty loop. Counts the plan cannot trust
//!    (a distance of 0 or above 2^31, where the scalar loop wraps) give no
//!    chunk;
//! 2. the checks that keep the scalar loop's results and faults: every cell
//!    the chunks load or store lies in memory without the address wrapping
//!    (so no vector access traps, and every scalar access of those trips
//!    would not have either), and with a store, the stored cells do not
//!    meet the cells that the next three trips load (distance 1 to 15 bytes
//!    forward), which is the only way that loading four trips before
//!    storing them changes what is read. A failed check skips the block:
//!    the scalar loop then runs every trip and faults where it would have;
//! 3. the chunks, two per trip of the wasm loop with the count tested after
//!    each (a nest's inner loop likewise runs two inner trips per trip),
//!    with each reduction in a vector of partial results, then
//!    the partial results folded into the items, the walked addresses and
//!    the index moved past the trips done.
//!
//! The items go back on the stack (changed only if the chunks ran).
//!
//! Needs: the plan's loop slots and locals exist; the function declared
//! [`locals_for`] v128 locals. Guarantees: the stack has the same depth
//! after as before; nothing outside the block is touched unless every
//! check passed.
//!
//! [`Op::Vector`]: crate::ir::Op::Vector

use wasm_encoder::{BlockType, InstructionSink};

use super::body::{mem, FnBody, Val};
use crate::ir::vector::{Carried, Inv, InvOp, Nest, VBin, VNode, VRed, VShift, VUn, VecLoop};
use crate::ir::{Function, Op};

/// The v128 locals `func` needs: one per node and one per item of its
/// largest plan.
pub fn locals_for(func: &Function) -> u32 {
    func.blocks
        .iter()
        .flat_map(|b| &b.ops)
        .filter_map(|op| match op {
            Op::Vector(v) => Some(
                (v.nodes.len() + v.items.len() + v.nest.as_ref().map_or(0, |n| n.nodes.len() + n.sums.len())) as u32,
            ),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

/// Where the scalars of a plan live while its code runs.
struct Scalars<'a> {
    items: &'a [u32],
    idx: u32,
    n_loops: u32,
    /// The first v128 local of the nest's nodes (after the outer plan's).
    v128_first: u32,
}

/// Pushes the scalar `inv` on the wasm operand stack.
fn inv(b: &mut FnBody, sc: &Scalars, v: &Inv) {
    match v {
        Inv::Item(k) => {
            b.s().local_get(sc.items[*k as usize]);
        }
        Inv::Index => {
            b.s().local_get(sc.idx);
        }
        Inv::Lit(n) => {
            b.s().i32_const(*n);
        }
        Inv::LoopIndex(l) => {
            let l = b.fixed_local(2 * l.0);
            b.s().local_get(l);
        }
        Inv::LoopLimit(l) => {
            let l = b.fixed_local(2 * l.0 + 1);
            b.s().local_get(l);
        }
        Inv::Local(l) => {
            let l = b.fixed_local(2 * sc.n_loops + l.0);
            b.s().local_get(l);
        }
        Inv::Bin(op, x, y) => {
            inv(b, sc, x);
            inv(b, sc, y);
            let s = &mut b.s();
            match op {
                InvOp::Add => s.i32_add(),
                InvOp::Sub => s.i32_sub(),
                InvOp::Mul => s.i32_mul(),
                InvOp::Shl => s.i32_shl(),
                InvOp::And => s.i32_and(),
                InvOp::Or => s.i32_or(),
                InvOp::Xor => s.i32_xor(),
            };
        }
    }
}

/// Computes the scalar `v` into a new temporary.
fn inv_local(b: &mut FnBody, sc: &Scalars, v: &Inv) -> u32 {
    inv(b, sc, v);
    match b.set_temp() {
        Val::Local(t) => t,
        Val::Const(_) => unreachable!("set_temp makes a local"),
    }
}

/// The v128 constant with lanes `a, a + d, a + 2d, a + 3d` (lane 0 lowest).
fn lanes(a: i32, d: i32) -> i128 {
    (0..4).map(|j| (a.wrapping_add(d.wrapping_mul(j)) as u32 as i128) << (32 * j)).sum()
}

/// Leaves on the wasm operand stack the flag "the cells at `base + coef * t`
/// for `t` in `0..=last` are not all in memory", with the memory's size in
/// bytes in the i64 local `size` and the last trip in the i64 local `last`.
fn out_of_memory(s: &mut InstructionSink, base: u32, coef: i32, size: u32, last: u32) {
    let cell = i64::from(runtime::CELL);
    // The address of the last trip, exact in i64.
    s.local_get(base).i64_extend_i32_u().i64_const(i64::from(coef)).local_get(last).i64_mul().i64_add();
    if coef >= 0 {
        s.i64_const(cell).i64_add().local_get(size).i64_gt_s();
    } else {
        s.i64_const(0).i64_lt_s();
        s.local_get(base).i64_extend_i32_u().i64_const(cell).i64_add().local_get(size).i64_gt_s();
        s.i32_or();
    }
}

/// Combines two vectors of partial results.
fn vector_reduce(s: &mut InstructionSink, op: VRed) {
    match op {
        VRed::Add | VRed::Sub => s.i32x4_add(),
        VRed::Mul => s.i32x4_mul(),
        VRed::And => s.v128_and(),
        VRed::Or => s.v128_or(),
        VRed::Xor => s.v128_xor(),
        VRed::Min => s.i32x4_min_s(),
        VRed::Max => s.i32x4_max_s(),
    };
}

/// The partial result every lane starts from.
fn identity(op: VRed) -> i32 {
    match op {
        VRed::Add | VRed::Sub | VRed::Or | VRed::Xor => 0,
        VRed::Mul => 1,
        VRed::And => -1,
        VRed::Min => i32::MAX,
        VRed::Max => i32::MIN,
    }
}

/// `acc := acc op x` on scalars in locals (for `Sub`, `x` is a sum of
/// terms to subtract).
fn scalar_reduce(s: &mut InstructionSink, op: VRed, acc: u32, x: u32) {
    match op {
        VRed::Min | VRed::Max => {
            s.local_get(acc).local_get(x).local_get(acc).local_get(x);
            if op == VRed::Min {
                s.i32_lt_s();
            } else {
                s.i32_gt_s();
            }
            s.select();
        }
        _ => {
            s.local_get(acc).local_get(x);
            match op {
                VRed::Add => s.i32_add(),
                VRed::Sub => s.i32_sub(),
                VRed::Mul => s.i32_mul(),
                VRed::And => s.i32_and(),
                VRed::Or => s.i32_or(),
                _ => s.i32_xor(),
            };
        }
    }
    s.local_set(acc);
}

fn vector_bin(s: &mut InstructionSink, op: VBin) {
    match op {
        VBin::Add => s.i32x4_add(),
        VBin::Sub => s.i32x4_sub(),
        VBin::Mul => s.i32x4_mul(),
        VBin::And => s.v128_and(),
        VBin::Or => s.v128_or(),
        VBin::Xor => s.v128_xor(),
        VBin::Min => s.i32x4_min_s(),
        VBin::Max => s.i32x4_max_s(),
        VBin::Eq => s.i32x4_eq(),
        VBin::Ne => s.i32x4_ne(),
        VBin::Lt => s.i32x4_lt_s(),
        VBin::Gt => s.i32x4_gt_s(),
        VBin::Le => s.i32x4_le_s(),
        VBin::Ge => s.i32x4_ge_s(),
        VBin::ULt => s.i32x4_lt_u(),
        VBin::UGt => s.i32x4_gt_u(),
        VBin::ULe => s.i32x4_le_u(),
        VBin::UGe => s.i32x4_ge_u(),
    };
}

/// Emits the plan `v` (see the module doc); `n_loops` places the function's
/// locals after its loop slots.
pub fn emit(b: &mut FnBody, v: &VecLoop, n_loops: u32) {
    let cell = runtime::CELL as i32;
    let (idx, lim) = (b.fixed_local(2 * v.lp.0), b.fixed_local(2 * v.lp.0 + 1));
    // The items, each copied to a temporary of its own: the code changes
    // them, and values on the virtual stack never change.
    let vals = b.pop_n(v.items.len() as u32);
    let items: Vec<u32> = vals
        .into_iter()
        .map(|x| {
            b.get(x);
            inv_local_of_stack(b)
        })
        .collect();
    let sc = Scalars { items: &items, idx, n_loops, v128_first: (v.nodes.len() + v.items.len()) as u32 };
    let vl = |j: usize| b.v128_local(j as u32);
    let node_local: Vec<u32> = (0..v.nodes.len()).map(vl).collect();
    let acc_local: Vec<u32> = (0..v.items.len()).map(|k| vl(v.nodes.len() + k)).collect();
    let chunks = b.temp();
    let trips = b.temp();
    let (size, last) = (b.i64_scratch(), b.i64_scratch() + 1);

    b.s().block(BlockType::Empty);
    // 1. The number of chunks.
    {
        let step = v.step;
        let s = &mut b.s();
        if step > 0 {
            // Distance to the limit, valid from 1 to 2^31; trips ceil(d / step).
            s.local_get(lim).local_get(idx).i32_sub().local_tee(trips);
            if step > 1 {
                s.i32_const(step - 1).i32_add().i32_const(step).i32_div_u();
            }
            s.i32_const(1).i32_sub().i32_const(2).i32_shr_u();
            s.i32_const(0);
            s.local_get(trips).i32_const(1).i32_sub().i32_const(i32::MIN).i32_lt_u();
        } else {
            // Distance above the limit, valid below 2^31; trips q + 1 with
            // q = d / -step. The last trip's index is the limit itself, which
            // a `?DO` right after this code would take for an empty loop: so
            // at least two trips are left, (q - 1) / 4 chunks.
            s.local_get(idx).local_get(lim).i32_sub().i32_const(step.wrapping_neg()).i32_div_u().local_tee(trips);
            s.i32_const(1).i32_sub().i32_const(2).i32_shr_u();
            s.i32_const(0);
            s.local_get(idx).local_get(lim).i32_sub().i32_const(i32::MIN).i32_lt_u();
            s.local_get(trips).i32_const(0).i32_ne().i32_and();
        }
        s.select().local_tee(chunks).i32_eqz().br_if(0);
        s.local_get(chunks).i32_const(2).i32_shl().local_set(trips);
        s.memory_size(0).i64_extend_i32_u().i64_const(16).i64_shl().local_set(size);
        s.local_get(trips).i32_const(1).i32_sub().i64_extend_i32_u().local_set(last);
    }
    // 2. The bases of the streams, and the checks.
    let mut streams: Vec<(usize, u32)> = Vec::new();
    for (k, n) in v.nodes.iter().enumerate() {
        if let VNode::Load { base, coef, .. } = n {
            let a = inv_local(b, &sc, base);
            out_of_memory(&mut b.s(), a, *coef, size, last);
            b.s().br_if(0);
            streams.push((k, a));
        }
    }
    let store = v.store.as_ref().map(|st| {
        let a = inv_local(b, &sc, &st.base);
        out_of_memory(&mut b.s(), a, st.coef, size, last);
        b.s().br_if(0);
        for &(_, l) in &streams {
            // The plan makes every stream walk forward by one cell here.
            b.s().local_get(a).local_get(l).i32_sub().i32_const(1).i32_sub().i32_const(15).i32_lt_u().br_if(0);
        }
        (a, st.value)
    });
    let nest = v.nest.as_deref().map(|n| nest_setup(b, &sc, n, store.map(|(a, _)| a)));
    // 3. The chunks: first the vectors that start the loop.
    for (k, n) in v.nodes.iter().enumerate() {
        if let VNode::Affine { base, coef, .. } = n {
            inv(b, &sc, base);
            let s = &mut b.s();
            s.i32x4_splat();
            if *coef != 0 {
                s.v128_const(lanes(0, *coef)).i32x4_add();
            }
            s.local_set(node_local[k]);
        }
    }
    for (k, c) in v.items.iter().enumerate() {
        if let Carried::Reduce(op, _) = c {
            b.s().v128_const(lanes(identity(*op), 0)).local_set(acc_local[k]);
        }
    }
    // A chunk's code: the vectors of four trips, the reductions, the
    // store, and everything moved on by four trips.
    let chunk = |b: &mut FnBody| {
        let mut stream = streams.iter();
        let first_result = v.nodes.iter().position(|n| matches!(n, VNode::Inner(_)));
        for (k, n) in v.nodes.iter().enumerate() {
            if Some(k) == first_result {
                if let (Some(nest), Some(ns)) = (v.nest.as_deref(), &nest) {
                    nest_chunk(b, nest, ns, &node_local);
                }
            }
            let s = &mut b.s();
            match *n {
                VNode::Affine { .. } => continue,
                VNode::Load { .. } => {
                    let &(_, a) = stream.next().expect("one stream per load");
                    lane_node(s, n, &node_local, a, node_local[k]);
                }
                VNode::Inner(r) => {
                    let ns = nest.as_ref().expect("a result comes from a nest");
                    s.local_get(ns.acc[r as usize]);
                }
                _ => lane_node(s, n, &node_local, 0, node_local[k]),
            }
            b.s().local_set(node_local[k]);
        }
        for (k, c) in v.items.iter().enumerate() {
            if let Carried::Reduce(op, n) = *c {
                let s = &mut b.s();
                s.local_get(acc_local[k]).local_get(node_local[n as usize]);
                vector_reduce(s, op);
                s.local_set(acc_local[k]);
            }
        }
        if let Some((a, value)) = store {
            let s = &mut b.s();
            s.local_get(a).local_get(node_local[value as usize]).v128_store(mem(0, 0));
            s.local_get(a).i32_const(4 * cell).i32_add().local_set(a);
        }
        // Then everything moves on by four trips.
        for (k, n) in v.nodes.iter().enumerate() {
            let s = &mut b.s();
            match *n {
                VNode::Affine { coef, .. } if coef != 0 => {
                    s.local_get(node_local[k]).v128_const(lanes(coef.wrapping_mul(4), 0)).i32x4_add();
                    s.local_set(node_local[k]);
                }
                _ => {}
            }
        }
        for (k, n) in v.nodes.iter().enumerate() {
            if let VNode::Load { coef, .. } = *n {
                let &(_, a) = streams.iter().find(|(j, _)| *j == k).expect("one stream per load");
                b.s().local_get(a).i32_const(coef.wrapping_mul(4)).i32_add().local_set(a);
            }
        }
        if let (Some(nest), Some(ns)) = (v.nest.as_deref(), &nest) {
            for (n, &base) in nest.nodes.iter().zip(&ns.bases) {
                if let VNode::Affine { coef, .. } | VNode::Load { coef, .. } = *n {
                    if coef != 0 {
                        b.s().local_get(base).i32_const(coef.wrapping_mul(4)).i32_add().local_set(base);
                    }
                }
            }
        }
    };
    // Two chunks per trip of the wasm loop where a chunk has no loop of its
    // own, with the count tested after each: half the loop's own work (the
    // back edge and, in Cranelift's code, the moves on it) per chunk.
    // Engines that unroll small loops (V8) do this themselves; wasmtime's
    // Cranelift does not.
    let unroll = if nest.is_some() { 1 } else { 2 };
    b.s().block(BlockType::Empty).loop_(BlockType::Empty);
    for u in 0..unroll {
        chunk(b);
        let s = &mut b.s();
        s.local_get(chunks).i32_const(1).i32_sub().local_tee(chunks);
        if u + 1 < unroll {
            s.i32_eqz().br_if(1);
        } else {
            s.br_if(0);
        }
    }
    b.s().end().end();
    // The partial results into the items, and the walked items and the
    // index past the trips done.
    let lane = b.temp();
    for (k, c) in v.items.iter().enumerate() {
        let s = &mut b.s();
        match *c {
            Carried::Same => {}
            Carried::Step(c) => {
                s.local_get(items[k]).local_get(trips).i32_const(c).i32_mul().i32_add().local_set(items[k]);
            }
            Carried::Reduce(op, _) => {
                if op == VRed::Sub {
                    // The lanes hold sums of terms to subtract.
                    let sum = lane;
                    s.local_get(acc_local[k]).i32x4_extract_lane(0).local_set(sum);
                    for j in 1..4 {
                        s.local_get(sum).local_get(acc_local[k]).i32x4_extract_lane(j).i32_add().local_set(sum);
                    }
                    scalar_reduce(s, VRed::Sub, items[k], sum);
                } else {
                    for j in 0..4 {
                        s.local_get(acc_local[k]).i32x4_extract_lane(j).local_set(lane);
                        scalar_reduce(s, op, items[k], lane);
                    }
                }
            }
        }
    }
    {
        let s = &mut b.s();
        s.local_get(idx).local_get(trips).i32_const(v.step).i32_mul().i32_add().local_set(idx);
        s.end();
    }
    for t in items {
        b.push(Val::Local(t));
    }
}

/// Pushes the vector of node `n` for this chunk (or inner trip), whose
/// operands are in `locals`; a load reads from the address in local `a`.
/// `scratch` is a v128 local it may use.
fn lane_node(s: &mut InstructionSink, n: &VNode, locals: &[u32], a: u32, scratch: u32) {
    let cell = runtime::CELL as i32;
    match *n {
        VNode::Affine { .. } | VNode::Inner(_) => unreachable!("kept in their locals"),
        VNode::Load { coef, .. } => {
            if coef == cell {
                s.local_get(a).v128_load(mem(0, 0));
            } else if coef == -cell {
                // Going down: the four cells end at this trip's, and the
                // lanes come out in reverse order.
                s.local_get(a).i32_const(-3 * cell).i32_add().v128_load(mem(0, 0)).local_tee(scratch);
                s.local_get(scratch).i8x16_shuffle([12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3]);
            } else if coef == 0 {
                s.local_get(a).v128_load32_splat(mem(0, 0));
            } else {
                s.local_get(a).i32_load(mem(0, 0)).i32x4_splat();
                for j in 1..4u8 {
                    s.local_get(a);
                    if coef > 0 {
                        s.i32_load(mem(coef as u32 * u32::from(j), 0));
                    } else {
                        s.i32_const(coef.wrapping_mul(i32::from(j))).i32_add().i32_load(mem(0, 0));
                    }
                    s.i32x4_replace_lane(j);
                }
            }
        }
        VNode::Bin(op, x, y) => {
            s.local_get(locals[x as usize]).local_get(locals[y as usize]);
            vector_bin(s, op);
        }
        VNode::Un(op, x) => {
            s.local_get(locals[x as usize]);
            match op {
                VUn::Negate => s.i32x4_neg(),
                VUn::Invert => s.v128_not(),
                VUn::Abs => s.i32x4_abs(),
            };
        }
        VNode::Shift(op, x, c) => {
            s.local_get(locals[x as usize]).i32_const(i32::from(c));
            match op {
                VShift::Shl => s.i32x4_shl(),
                VShift::ShrU => s.i32x4_shr_u(),
                VShift::ShrS => s.i32x4_shr_s(),
            };
        }
    }
}

/// Where the code of a [`Nest`] keeps its values.
struct NestLocals {
    /// The inner trip count.
    trips: u32,
    /// Per nest node: for `Affine` and `Load`, its value (address) at the
    /// chunk's first lane and inner trip 0; unused for the others.
    bases: Vec<u32>,
    /// The v128 local of each nest node.
    nodes: Vec<u32>,
    /// The v128 local of each sum.
    acc: Vec<u32>,
    /// Per nest node: the address a `Load` reads at the current inner trip.
    cursors: Vec<u32>,
    /// Inner trips left.
    left: u32,
}

/// Pushes, as an i64, the lowest (or, with `upper`, highest) address that
/// `base + coef * t + inner * s` takes for `t` in `0..=last` and `s` in
/// `0..=ilast` (i64 locals).
fn span(s: &mut InstructionSink, base: u32, (coef, last): (i32, u32), (inner, ilast): (i32, u32), upper: bool) {
    s.local_get(base).i64_extend_i32_u();
    for (c, n) in [(coef, last), (inner, ilast)] {
        if (c > 0) == upper && c != 0 {
            s.i64_const(i64::from(c)).local_get(n).i64_mul().i64_add();
        }
    }
}

/// Computes what the chunks of `nest` need and checks, before any chunk
/// runs, what the scalar loops would have checked: an inner trip count they
/// run exactly (from 1 to 2^31 index steps), every cell the inner loads
/// read in memory, and none of them a cell that the outer `store` (whose
/// address is in that local, one cell per outer trip) writes. A failed
/// check leaves the enclosing block.
fn nest_setup(b: &mut FnBody, sc: &Scalars, nest: &Nest, store: Option<u32>) -> NestLocals {
    let cell = i64::from(runtime::CELL);
    let (size, last) = (b.i64_scratch(), b.i64_scratch() + 1);
    let ilast = b.i64_scratch() + 2;
    let trips = b.temp();
    inv(b, sc, &nest.distance);
    {
        let s = &mut b.s();
        s.local_tee(trips).i32_const(1).i32_sub().i32_const(i32::MIN).i32_ge_u().br_if(0);
        if nest.step > 1 {
            s.local_get(trips).i32_const(nest.step - 1).i32_add().i32_const(nest.step).i32_div_u().local_set(trips);
        }
        s.local_get(trips).i32_const(1).i32_sub().i64_extend_i32_u().local_set(ilast);
    }
    let mut bases = Vec::with_capacity(nest.nodes.len());
    let mut cursors = Vec::with_capacity(nest.nodes.len());
    for n in &nest.nodes {
        match n {
            VNode::Affine { base, .. } => {
                bases.push(inv_local(b, sc, base));
                cursors.push(0);
            }
            VNode::Load { base, coef, inner } => {
                let a = inv_local(b, sc, base);
                let s = &mut b.s();
                span(s, a, (*coef, last), (*inner, ilast), false);
                s.i64_const(0).i64_lt_s();
                span(s, a, (*coef, last), (*inner, ilast), true);
                s.i64_const(cell).i64_add().local_get(size).i64_gt_s().i32_or().br_if(0);
                if let Some(st) = store {
                    // The stored cells [st, st + 4 (last + 1)) meet the loaded
                    // ones [lo, hi + 4).
                    span(s, a, (*coef, last), (*inner, ilast), false);
                    s.local_get(st).i64_extend_i32_u().local_get(last).i64_const(cell).i64_mul().i64_add();
                    s.i64_const(cell).i64_add().i64_lt_s();
                    s.local_get(st).i64_extend_i32_u();
                    span(s, a, (*coef, last), (*inner, ilast), true);
                    s.i64_const(cell).i64_add().i64_lt_s().i32_and().br_if(0);
                }
                bases.push(a);
                cursors.push(b.temp());
            }
            _ => {
                bases.push(0);
                cursors.push(0);
            }
        }
    }
    let first = sc.v128_first;
    let nodes = (0..nest.nodes.len()).map(|j| b.v128_local(first + j as u32)).collect();
    let acc = (0..nest.sums.len()).map(|r| b.v128_local(first + (nest.nodes.len() + r) as u32)).collect();
    NestLocals { trips, bases, nodes, acc, cursors, left: b.temp() }
}

/// The inner loop of one chunk: each lane runs all inner trips of its outer
/// trip, from the sums' starting values in the outer nodes `outer`.
fn nest_chunk(b: &mut FnBody, nest: &Nest, ns: &NestLocals, outer: &[u32]) {
    let s = &mut b.s();
    for (sum, &acc) in nest.sums.iter().zip(&ns.acc) {
        s.local_get(outer[sum.init as usize]).local_set(acc);
    }
    for (j, n) in nest.nodes.iter().enumerate() {
        match *n {
            VNode::Affine { coef, .. } => {
                s.local_get(ns.bases[j]).i32x4_splat();
                if coef != 0 {
                    s.v128_const(lanes(0, coef)).i32x4_add();
                }
                s.local_set(ns.nodes[j]);
            }
            VNode::Load { .. } => {
                s.local_get(ns.bases[j]).local_set(ns.cursors[j]);
            }
            _ => {}
        }
    }
    s.local_get(ns.trips).local_set(ns.left);
    // One inner trip: the lanes' vectors, the sums, the walk.
    let trip = |s: &mut InstructionSink| {
        for (j, n) in nest.nodes.iter().enumerate() {
            if !matches!(n, VNode::Affine { .. }) {
                lane_node(s, n, &ns.nodes, ns.cursors[j], ns.nodes[j]);
                s.local_set(ns.nodes[j]);
            }
        }
        for (sum, &acc) in nest.sums.iter().zip(&ns.acc) {
            // Each lane is one outer trip's own sum, in order: `acc op x`
            // exactly, with no terms regrouped.
            s.local_get(acc).local_get(ns.nodes[sum.value as usize]);
            if sum.op == VRed::Sub {
                s.i32x4_sub();
            } else {
                vector_reduce(s, sum.op);
            }
            s.local_set(acc);
        }
        for (j, n) in nest.nodes.iter().enumerate() {
            match *n {
                VNode::Affine { inner, .. } if inner != 0 => {
                    s.local_get(ns.nodes[j]).v128_const(lanes(inner, 0)).i32x4_add().local_set(ns.nodes[j]);
                }
                VNode::Load { inner, .. } if inner != 0 => {
                    s.local_get(ns.cursors[j]).i32_const(inner).i32_add().local_set(ns.cursors[j]);
                }
                _ => {}
            }
        }
    };
    // Two inner trips per trip of the wasm loop, as for the chunks.
    s.block(BlockType::Empty).loop_(BlockType::Empty);
    trip(s);
    s.local_get(ns.left).i32_const(1).i32_sub().local_tee(ns.left).i32_eqz().br_if(1);
    trip(s);
    s.local_get(ns.left).i32_const(1).i32_sub().local_tee(ns.left).br_if(0);
    s.end().end();
}

/// Moves the wasm operand-stack top into a new temporary local.
fn inv_local_of_stack(b: &mut FnBody) -> u32 {
    match b.set_temp() {
        Val::Local(t) => t,
        Val::Const(_) => unreachable!("set_temp makes a local"),
    }
}
