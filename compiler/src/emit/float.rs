//! Code for the floating-point primitives: wasm `f64` instructions, with the
//! top of the float stack cached in f64 locals.
//!
//! The float stack lives in linear memory at the global `fsp` (8-byte IEEE
//! 754 binary64 items, growing down). Within a straight-line stretch of code
//! the floats a word pushes stay in f64 locals (`body::FloatCache`) and the words
//! that consume them read the locals; floats needed from below the cache are
//! loaded from memory. [`FnBody::flush_floats`] writes the cache back and makes `fsp` exact
//! before every call and at the end of every block, so everything outside a
//! stretch (host words, other definitions, `FDEPTH` across calls, `CATCH`)
//! sees the float stack in memory. Innermost loops that keep the float
//! depth and call nothing carry the floats they use in f64 slots across
//! their back edges ([`FloatLoop`]). The data-stack cache of `body.rs`, the
//! stack-effect inference and the calling conventions are unaffected: a
//! float word's static effect counts its data-stack items only. What each
//! float word does to the float stack (floats popped and pushed, fresh
//! locals its code takes) is the float column of its row in the primitive
//! table ([`Prim::float_effect`]); the cache, the block reach and the loop
//! slots below all read it from there.
//!
//! Every access is checked exactly where the word is: popping a float that
//! is not there throws -45, pushing past the capacity throws -44, with the
//! checks made against the committed `fsp` plus the cache's static offset.
//! A check that an earlier one in the same stretch implies is left out.
//!
//! Guarantee: each arm leaves the body in a state where more ops may follow,
//! and the same program prints the same at every optimization level.

use std::collections::HashMap;

use wasm_encoder::{BlockType, Encode, Instruction, InstructionSink, MemArg};

use super::body::{mem, FnBody, Val};
use crate::cfg::Cfg;
use crate::ir::{BlockId, Function, LocalId, Op};
use crate::primitives::{FloatEffect, Prim};
use runtime::{addr, throw, FLOAT};

/// f64 locals of the cache in a definition that uses floats.
pub const POOL: u32 = 24;

/// f64 locals of a kernel primitive's body (enough for one word).
pub const PRIM_POOL: u32 = 4;

/// Whether `p` works on the float stack (its row's float column).
fn uses_float_stack(p: Prim) -> bool {
    p.float_effect().touches()
}

/// The cache size a definition's body should have.
pub fn pool_for(func: &Function) -> u32 {
    let uses = func.blocks.iter().flat_map(|b| &b.ops).any(|op| matches!(op, Op::Prim(p) if uses_float_stack(*p)));
    if uses {
        POOL
    } else {
        0
    }
}

/// The most floats a loop keeps in slots across its back edges.
pub const MAX_LOOP_SLOTS: u32 = 8;

/// An innermost loop whose floats taken from below stay in f64 slots across
/// its back edges instead of going to memory and back on every trip.
///
/// Every block of the loop leaves the float stack as deep as it found it
/// and needs at most `depth` floats from below, calls nothing and never
/// indexes the stack (`FPICK`); the loop has one entry edge source `pre`
/// and exit blocks `exits` (the block after the loop, and those an early
/// `LEAVE` or `EXIT` runs), each entered only from the loop and `pre`.
/// Then the top `depth` floats are loaded into slots at the end of `pre`
/// (a read that may look above the stack's bottom, into the guard; nothing
/// is assumed about the values until a word uses them, where the usual
/// check runs), the loop's blocks start and end with them in the slots,
/// and each exit writes them back (unchanged values if the loop never ran).
#[derive(Clone, Debug)]
pub struct FloatLoop {
    /// The loop's blocks, header first.
    pub blocks: Vec<BlockId>,
    /// The block before the loop.
    pub pre: BlockId,
    /// The blocks the loop leaves to.
    pub exits: Vec<BlockId>,
    /// Floats held in slots.
    pub depth: u32,
}

/// How a float primitive moves the float stack, from its row's float
/// column: floats popped, floats pushed, fresh locals used; `None` for one
/// that looks at the whole stack (`FPICK`) or does not touch it.
fn float_shape(p: Prim) -> Option<(i64, i64, u32)> {
    match p.float_effect() {
        FloatEffect::Static { pops, pushes, fresh } => Some((i64::from(pops), i64::from(pushes), u32::from(fresh))),
        FloatEffect::Dynamic | FloatEffect::Untouched => None,
    }
}

/// `k FPICK` with a literal `k` below this is a static shuffle of the top
/// `k + 1` floats (the float loops and the block reach count it so).
const MAX_CONSTANT_FPICK: u32 = MAX_LOOP_SLOTS;

/// How `ops[i]` moves the float stack: the row's float column, or for
/// `FPICK` right after a literal `k`, `k + 1` popped and `k + 2` pushed;
/// `None` for a word that looks at the whole stack or does not touch it.
fn op_float_shape(ops: &[Op], i: usize) -> Option<(i64, i64, u32)> {
    let before = i.checked_sub(1).map(|j| &ops[j]);
    match (&ops[i], before) {
        (Op::Prim(Prim::FPick), Some(&Op::Lit(k))) if (0..MAX_CONSTANT_FPICK as i32).contains(&k) => {
            Some((i64::from(k) + 1, i64::from(k) + 2, k as u32 + 2))
        }
        (Op::Prim(p), _) => float_shape(*p),
        _ => None,
    }
}

/// The float-stack shape of a block's ops: how many floats it takes from
/// below and how many fresh locals it uses, if it is balanced, calls
/// nothing and does not index the stack.
fn block_shape(ops: &[Op]) -> Option<(u32, u32)> {
    use Prim::*;
    let (mut d, mut low, mut fresh) = (0i64, 0i64, 0u32);
    for (i, op) in ops.iter().enumerate() {
        let shape = op_float_shape(ops, i);
        match op {
            Op::Call(_) | Op::Prim(Execute) => return None,
            Op::Prim(FPick) if shape.is_none() => return None,
            Op::Prim(p) if uses_float_stack(*p) => {}
            _ => continue,
        }
        let (pops, pushes, new) = shape.unwrap_or((0, 0, 0));
        d -= pops;
        low = low.min(d);
        d += pushes;
        fresh += new;
    }
    (d == 0).then_some((low.unsigned_abs() as u32, fresh))
}

/// Called where a block's ops start to be emitted: from the cache's state
/// and the ops, how deep below the committed `fsp` the block will read and
/// how far above it it will push, up to its first call (after which `fsp`
/// may be anywhere). The first check of each kind then checks the whole
/// reach, so a loop body that pushes four floats checks once, not four
/// times. A block is straight-line code, so the reach is reached unless an
/// error ends the block first: an overflow is then reported at the
/// block's first push rather than at a later one, with the same code.
pub fn expect_block(b: &mut FnBody, ops: &[Op]) {
    // Checks made in the block emitted before say nothing here: it need
    // not lie on every path to this one.
    b.fcache.depth_checked = 0;
    b.fcache.room_checked = 0;
    let mut d = b.fcache.items.len() as i64 - i64::from(b.fcache.popped);
    let (mut low, mut high) = (d.min(0), d.max(0));
    for (i, op) in ops.iter().enumerate() {
        match op {
            Op::Prim(p) if uses_float_stack(*p) => {}
            Op::Prim(p) if *p != Prim::Execute => continue,
            Op::Lit(_) | Op::LocalGet(_) | Op::LocalSet(_) | Op::LoopIndex(_) | Op::LoopLimit(_) => continue,
            _ => break,
        }
        let Some((pops, pushes, _)) = op_float_shape(ops, i) else { break };
        d -= pops;
        low = low.min(d);
        d += pushes;
        high = high.max(d);
    }
    b.fcache.reach_depth = low.unsigned_abs() as u32;
    b.fcache.reach_room = high as u32;
}

/// The loops of `func` whose floats can stay in slots.
pub fn float_loops(func: &Function, cfg: &Cfg) -> Vec<FloatLoop> {
    let n = func.blocks.len();
    let mut preds = vec![Vec::new(); n];
    for &b in &cfg.rpo {
        for &s in &cfg.succs[b.index()] {
            preds[s.index()].push(b);
        }
    }
    let mut out = Vec::new();
    for &h in &cfg.rpo {
        if !cfg.is_loop_header[h.index()] {
            continue;
        }
        // The natural loop: h and everything that reaches a back edge into
        // h without passing through h.
        let mut in_loop = vec![false; n];
        in_loop[h.index()] = true;
        let mut work: Vec<BlockId> = preds[h.index()].iter().copied().filter(|&p| cfg.is_backward(p, h)).collect();
        while let Some(b) = work.pop() {
            if !in_loop[b.index()] {
                in_loop[b.index()] = true;
                work.extend(preds[b.index()].iter().copied());
            }
        }
        let blocks: Vec<BlockId> = cfg.rpo.iter().copied().filter(|b| in_loop[b.index()]).collect();
        let inner = blocks.iter().all(|&b| b == h || !cfg.is_loop_header[b.index()]);
        let outside = |bs: &[BlockId]| -> Vec<BlockId> { bs.iter().copied().filter(|b| !in_loop[b.index()]).collect() };
        let entries = outside(&preds[h.index()]);
        let mut exits: Vec<BlockId> = blocks.iter().flat_map(|b| outside(&cfg.succs[b.index()])).collect();
        exits.dedup();
        exits.sort();
        exits.dedup();
        let &[pre] = entries.as_slice() else {
            continue;
        };
        let shapes: Option<Vec<(u32, u32)>> = blocks.iter().map(|b| block_shape(&func.blocks[b.index()].ops)).collect();
        let Some(shapes) = shapes else {
            continue;
        };
        let depth = shapes.iter().map(|s| s.0).max().unwrap_or(0);
        let ok = inner
            && (1..=MAX_LOOP_SLOTS).contains(&depth)
            && shapes.iter().all(|s| s.1 + 3 <= POOL)
            && blocks.iter().all(|&b| b == h || preds[b.index()].iter().all(|p| in_loop[p.index()]))
            && !exits.is_empty()
            && exits.iter().all(|&e| {
                preds[e.index()].iter().all(|&p| in_loop[p.index()] || p == pre)
                    && !cfg.is_loop_header[e.index()]
                    && e != pre
            })
            && cfg.succs[pre.index()].iter().all(|&s| s == h || exits.contains(&s));
        if ok {
            out.push(FloatLoop { blocks, pre, exits, depth });
        }
    }
    out
}

/// Float locals: pairs of Forth locals (gforth's `f:` locals, two cells
/// each) that the function only ever reads as one float (`LocalGet(lo)
/// LocalGet(hi) FLit`) and writes as one (`FBits LocalSet(hi)
/// LocalSet(lo)`), each pair's `(lo, hi)`. Such a pair lives in one f64
/// local ([`FloatLocalAccess`]) instead of two i32 locals whose bits are
/// joined on every read and split on every write. The bits are the same
/// either way (a wasm local keeps any f64 exactly, and both start as 0), so
/// this changes no result. A function with vector loops (which may name
/// locals) gets none.
pub fn float_locals(func: &Function) -> Vec<(LocalId, LocalId)> {
    let ops = || func.blocks.iter().map(|b| b.ops.as_slice());
    if ops().flatten().any(|op| matches!(op, Op::Vector(_))) {
        return Vec::new();
    }
    // Each local's accesses, and those inside one of the two patterns, with
    // its role there: the same pair, `lo` or `hi`, every time (else `None`).
    let mut uses: HashMap<LocalId, u32> = HashMap::new();
    let mut roles: HashMap<LocalId, (u32, Option<(LocalId, LocalId)>)> = HashMap::new();
    for ops in ops() {
        for (i, op) in ops.iter().enumerate() {
            if let Op::LocalGet(l) | Op::LocalSet(l) = *op {
                *uses.entry(l).or_default() += 1;
            }
            let Some((lo, hi, _)) = access_pattern(&ops[i..]) else { continue };
            for me in [lo, hi] {
                let e = roles.entry(me).or_insert((0, Some((lo, hi))));
                e.0 += 1;
                if e.1 != Some((lo, hi)) {
                    e.1 = None;
                }
            }
        }
    }
    // Every access of both is in the pattern, always as this pair.
    let only = |l: LocalId, pair: (LocalId, LocalId)| {
        roles.get(&l).is_some_and(|&(n, p)| p == Some(pair) && Some(&n) == uses.get(&l))
    };
    let mut out: Vec<(LocalId, LocalId)> =
        roles.values().filter_map(|&(_, p)| p).filter(|&(lo, hi)| only(lo, (lo, hi)) && only(hi, (lo, hi))).collect();
    out.sort_by_key(|&(lo, hi)| (lo.0, hi.0));
    out.dedup();
    out
}

/// A float local read or written by the three ops at the start of `ops`:
/// `(lo, hi, is_read)`.
fn access_pattern(ops: &[Op]) -> Option<(LocalId, LocalId, bool)> {
    match ops {
        [Op::LocalGet(lo), Op::LocalGet(hi), Op::Prim(Prim::FLit), ..] if lo != hi => Some((*lo, *hi, true)),
        [Op::Prim(Prim::FBits), Op::LocalSet(hi), Op::LocalSet(lo), ..] if lo != hi => Some((*lo, *hi, false)),
        _ => None,
    }
}

/// A read or write of the float local `k` (an index into
/// [`float_locals`]'s list) that starts at the ops given, if they are one.
pub enum FloatLocalAccess {
    /// `LocalGet(lo) LocalGet(hi) FLit`: push the local's float.
    Read(u32),
    /// `FBits LocalSet(hi) LocalSet(lo)`: pop a float into the local.
    Write(u32),
}

impl FloatLocalAccess {
    /// The access at the start of `ops`, if it is one of `pairs`'s.
    pub fn at(pairs: &[(LocalId, LocalId)], ops: &[Op]) -> Option<FloatLocalAccess> {
        let (lo, hi, read) = access_pattern(ops)?;
        let k = pairs.iter().position(|&p| p == (lo, hi))? as u32;
        Some(if read { FloatLocalAccess::Read(k) } else { FloatLocalAccess::Write(k) })
    }

    /// The ops the access takes.
    pub const OPS: usize = 3;

    /// Emits it: a read pushes a copy of the local's float (`TO` may change
    /// the local while the copy is still on the stack), a write pops into it.
    pub fn emit(&self, b: &mut FnBody) {
        match *self {
            FloatLocalAccess::Read(k) => {
                ensure_room(b, 1);
                let local = b.float_local(k);
                fpush_new(b, |b| {
                    b.s().local_get(local);
                });
            }
            FloatLocalAccess::Write(k) => {
                ensure_room(b, 1);
                let r = fpop(b);
                let local = b.float_local(k);
                b.s().local_get(r).local_set(local);
            }
        }
    }
}

/// The local of slot `j`.
fn slot(b: &FnBody, j: u32) -> u32 {
    b.first_f64() + POOL + j
}

/// At the end of a loop's `pre` block: loads the top `depth` floats into
/// the slots (unchecked; see [`FloatLoop`]).
pub fn load_slots(b: &mut FnBody, depth: u32) {
    for j in 0..depth {
        let l = slot(b, j);
        fsp(b);
        b.s().f64_load(f64m((depth - 1 - j) * FLOAT)).local_set(l);
    }
}

/// At the start of a loop block: the slots are the cache.
pub fn enter_slots(b: &mut FnBody, depth: u32) {
    let items = (0..depth).map(|j| slot(b, j)).collect();
    b.fcache.items = items;
    b.fcache.popped = depth;
    b.fcache.slots = depth;
}

/// At the end of a loop block: the cache goes back into the slots.
pub fn leave_slots(b: &mut FnBody, depth: u32) {
    let items = std::mem::take(&mut b.fcache.items);
    let balanced = items.len() as u32 == depth && b.fcache.popped == depth;
    debug_assert!(balanced, "a slotted loop block changed the float depth");
    if !balanced {
        // Not reached (`block_shape` checked the balance); stay correct anyway.
        b.fcache.items = items;
        b.flush_floats();
        b.fcache.slots = 0;
        return load_slots(b, depth);
    }
    for &l in &items {
        b.s().local_get(l);
    }
    for j in (0..depth).rev() {
        let l = slot(b, j);
        b.s().local_set(l);
    }
    b.fcache = super::body::FloatCache { pool: b.fcache.pool, ..Default::default() };
}

/// At the start of a loop's `exit` block: the slots go back to memory.
pub fn store_slots(b: &mut FnBody, depth: u32) {
    for j in 0..depth {
        let l = slot(b, j);
        fsp(b);
        b.s().local_get(l).f64_store(f64m((depth - 1 - j) * FLOAT));
    }
}

fn f64m(off: u32) -> MemArg {
    mem(off, 3)
}

/// Pushes `fsp` on the operand stack.
fn fsp(b: &mut FnBody) {
    b.push_fsp();
}

/// Makes sure the next word can take `n` fresh locals.
fn ensure_room(b: &mut FnBody, n: u32) {
    if b.fcache.used + n > b.fcache.pool {
        b.flush_floats();
    }
}

/// A fresh f64 local.
fn fresh(b: &mut FnBody) -> u32 {
    let c = &mut b.fcache;
    debug_assert!(c.used < c.pool, "float cache exhausted");
    let l = c.used;
    c.used += 1;
    b.first_f64() + l
}

/// Throws `code` if `fsp` compares with `limit` by `op`.
fn check(b: &mut FnBody, limit: u32, op: impl FnOnce(&mut InstructionSink), code: i32) {
    fsp(b);
    b.s().i32_const(limit as i32);
    op(&mut b.s());
    b.s().if_(BlockType::Empty);
    b.throw(code);
    b.s().end();
}

/// Pops a float into a local; below the cache it comes from memory, with
/// the underflow check.
fn fpop(b: &mut FnBody) -> u32 {
    if let Some(l) = b.fcache.items.pop() {
        // A loop slot's float was loaded unchecked: check it where a load
        // from memory would have.
        let first = slot(b, 0);
        let depth = b.fcache.slots;
        if l >= first && l < first + depth {
            need_in_memory(b, (depth - 1 - (l - first)) * FLOAT);
        }
        return l;
    }
    let off = b.fcache.popped * FLOAT;
    need_in_memory(b, off);
    let l = fresh(b);
    fsp(b);
    b.s().f64_load(f64m(off)).local_set(l);
    b.fcache.popped += 1;
    l
}

/// Throws -45 unless memory holds a float at `fsp + off`.
fn need_in_memory(b: &mut FnBody, off: u32) {
    let needed = off / FLOAT + 1;
    if needed <= b.fcache.depth_checked {
        return;
    }
    let depth = needed.max(b.fcache.reach_depth);
    b.fcache.depth_checked = depth;
    let lowest_ok = b.env.layout.fs_base().saturating_sub(depth * FLOAT);
    check(
        b,
        lowest_ok,
        |s| {
            s.i32_gt_u();
        },
        throw::FSTACK_UNDERFLOW,
    );
}

/// Drops a float without reading it.
fn fdrop(b: &mut FnBody) {
    if !b.fcache.items.is_empty() {
        fpop(b);
    } else {
        let off = b.fcache.popped * FLOAT;
        need_in_memory(b, off);
        b.fcache.popped += 1;
    }
}

/// Pops `n` floats and pushes them back in the order `order` names them
/// (0 is the deepest of the `n`): the float stack's shuffles.
fn shuffle(b: &mut FnBody, n: usize, order: &[usize]) {
    let mut rs: Vec<u32> = (0..n).map(|_| fpop(b)).collect();
    rs.reverse();
    for &i in order {
        fpush(b, rs[i]);
    }
}

/// Pushes the float in local `l`, with the overflow check.
fn fpush(b: &mut FnBody, l: u32) {
    let c = &mut b.fcache;
    let grown = c.items.len() as i64 + 1 - i64::from(c.popped);
    if grown > i64::from(c.room_checked) {
        let room = (grown as u32).max(c.reach_room);
        c.room_checked = room;
        let highest_bad = b.env.layout.fs_limit() + room * FLOAT;
        check(
            b,
            highest_bad,
            |s| {
                s.i32_lt_u();
            },
            throw::FSTACK_OVERFLOW,
        );
    }
    b.fcache.items.push(l);
}

/// Pushes the f64 that `value` leaves on the operand stack.
fn fpush_new(b: &mut FnBody, value: impl FnOnce(&mut FnBody)) {
    value(b);
    let r = fresh(b);
    b.s().local_set(r);
    fpush(b, r);
}

/// `r1 r2 -- r3`.
fn binary(b: &mut FnBody, op: Instruction<'static>) {
    let r2 = fpop(b);
    let r1 = fpop(b);
    fpush_new(b, |b| {
        b.s().local_get(r1).local_get(r2);
        op.encode(&mut b.code);
    });
}

/// `r1 -- r2`.
fn unary(b: &mut FnBody, op: Instruction<'static>) {
    let r = fpop(b);
    fpush_new(b, |b| {
        b.s().local_get(r);
        op.encode(&mut b.code);
    });
}

/// Pops `n` floats (1 or 2), compares them with `op`, pushes a flag.
fn compare(b: &mut FnBody, n: u32, op: Instruction<'static>) {
    let r2 = fpop(b);
    let r1 = if n == 2 { Some(fpop(b)) } else { None };
    b.s().i32_const(0);
    match r1 {
        Some(r1) => b.s().local_get(r1).local_get(r2),
        None => b.s().local_get(r2).f64_const(0.0.into()),
    };
    op.encode(&mut b.code);
    b.s().i32_sub();
    let v = b.set_temp();
    b.push(v);
}

/// `r1 r2 -- r`: r2 when `r2_if_lt` and r1 < r2, and so on: FMAX keeps r1
/// unless r1 < r2, FMIN takes r2 unless r1 < r2, as gforth (so signed zeros
/// and NaNs come out as there).
fn select_by_lt(b: &mut FnBody, max: bool) {
    let r2 = fpop(b);
    let r1 = fpop(b);
    let (if_lt, otherwise) = if max { (r2, r1) } else { (r1, r2) };
    fpush_new(b, |b| {
        b.s().local_get(if_lt).local_get(otherwise).local_get(r1).local_get(r2).f64_lt().select();
    });
}

/// Pushes `v` (an address) rounded up to a multiple of `n` (a power of two).
fn round_up(b: &mut FnBody, n: i32) {
    let v = b.pop();
    if let Val::Const(c) = v {
        return b.push(Val::Const(c.wrapping_add(n - 1) & !(n - 1)));
    }
    b.get(v);
    b.s().i32_const(n - 1).i32_add().i32_const(!(n - 1)).i32_and();
    let r = b.set_temp();
    b.push(r);
}

/// Pushes `v * k + c`.
fn scale(b: &mut FnBody, k: i32, c: i32) {
    let v = b.pop();
    if let Val::Const(x) = v {
        return b.push(Val::Const(x.wrapping_mul(k).wrapping_add(c)));
    }
    b.get(v);
    if k != 1 {
        b.s().i32_const(k).i32_mul();
    }
    if c != 0 {
        b.s().i32_const(c).i32_add();
    }
    let r = b.set_temp();
    b.push(r);
}

/// Aligns `HERE` to `n` bytes (a power of two).
fn align_here(b: &mut FnBody, n: i32) {
    b.s().i32_const(addr::DP as i32).i32_const(addr::DP as i32).i32_load(mem(0, 2));
    b.s().i32_const(n - 1).i32_add().i32_const(!(n - 1)).i32_and().i32_store(mem(0, 2));
}

/// Emits one floating-point primitive.
pub fn emit(b: &mut FnBody, p: Prim) {
    use Prim::*;
    if uses_float_stack(p) {
        // One word takes at most three fresh locals.
        ensure_room(b, 3);
    }
    match p {
        FLit => {
            let hi = b.pop();
            let lo = b.pop();
            fpush_new(b, |b| match (lo, hi) {
                (Val::Const(lo), Val::Const(hi)) => {
                    let bits = (u64::from(hi as u32) << 32) | u64::from(lo as u32);
                    b.s().f64_const(f64::from_bits(bits).into());
                }
                _ => {
                    b.get(hi);
                    b.s().i64_extend_i32_u().i64_const(32).i64_shl();
                    b.get(lo);
                    b.s().i64_extend_i32_u().i64_or().f64_reinterpret_i64();
                }
            });
        }
        FBits => {
            let r = fpop(b);
            b.s().local_get(r).i64_reinterpret_f64();
            b.push_i64_as_double();
        }
        FAdd => binary(b, Instruction::F64Add),
        FSub => binary(b, Instruction::F64Sub),
        FMul => binary(b, Instruction::F64Mul),
        FDiv => binary(b, Instruction::F64Div),
        FMax => select_by_lt(b, true),
        FMin => select_by_lt(b, false),
        FNegate => unary(b, Instruction::F64Neg),
        FAbs => unary(b, Instruction::F64Abs),
        FSqrt => unary(b, Instruction::F64Sqrt),
        Floor => unary(b, Instruction::F64Floor),
        FRound => unary(b, Instruction::F64Nearest),
        FTrunc => unary(b, Instruction::F64Trunc),
        FLt => compare(b, 2, Instruction::F64Lt),
        FGt => compare(b, 2, Instruction::F64Gt),
        FEq => compare(b, 2, Instruction::F64Eq),
        FZeroLt => compare(b, 1, Instruction::F64Lt),
        FZeroEq => compare(b, 1, Instruction::F64Eq),
        FZeroGt => compare(b, 1, Instruction::F64Gt),
        FNe => compare(b, 2, Instruction::F64Ne),
        FLe => compare(b, 2, Instruction::F64Le),
        FGe => compare(b, 2, Instruction::F64Ge),
        FZeroNe => compare(b, 1, Instruction::F64Ne),
        FZeroLe => compare(b, 1, Instruction::F64Le),
        FZeroGe => compare(b, 1, Instruction::F64Ge),
        FFetch | DFFetch | SFFetch => {
            let a = b.pop();
            fpush_new(b, |b| {
                b.get(a);
                if p == SFFetch {
                    b.s().f32_load(mem(0, 2)).f64_promote_f32();
                } else {
                    b.s().f64_load(f64m(0));
                }
            });
        }
        FStore | DFStore | SFStore => {
            let a = b.pop();
            let r = fpop(b);
            b.get(a);
            b.s().local_get(r);
            if p == SFStore {
                b.s().f32_demote_f64().f32_store(mem(0, 2));
            } else {
                b.s().f64_store(f64m(0));
            }
        }
        FComma => {
            let r = fpop(b);
            b.s().i32_const(addr::DP as i32).i32_load(mem(0, 2)).local_get(r).f64_store(f64m(0));
            b.s().i32_const(addr::DP as i32).i32_load(mem(0, 2)).i32_const(FLOAT as i32).i32_add();
            b.set_here_checked();
        }
        FDup => shuffle(b, 1, &[0, 0]),
        FDrop => fdrop(b),
        FSwap => shuffle(b, 2, &[1, 0]),
        FOver => shuffle(b, 2, &[0, 1, 0]),
        FRot => shuffle(b, 3, &[1, 2, 0]),
        FMinusRot => shuffle(b, 3, &[2, 0, 1]),
        FNip => {
            let r2 = fpop(b);
            fdrop(b);
            fpush(b, r2);
        }
        FTuck => shuffle(b, 2, &[1, 0, 1]),
        FPick if b.constant_index().is_some_and(|k| k < MAX_CONSTANT_FPICK) => {
            // `k FPICK` with a literal k: a move within the cache.
            let k = b.constant_index().unwrap_or_default() as usize;
            b.pop();
            ensure_room(b, k as u32 + 2);
            let order: Vec<usize> = (0..=k).chain([0]).collect();
            shuffle(b, k + 1, &order);
        }
        FPick => {
            // The index is only known at run time: work on memory.
            let u = b.pop();
            b.flush_floats();
            b.get(u);
            b.s().i32_const(3).i32_shl();
            fsp(b);
            b.s().i32_add();
            let at = b.temp();
            b.s().local_tee(at);
            let base = b.env.layout.fs_base() as i32;
            b.s().i32_const(base).i32_ge_u();
            let cap = b.env.layout.float_stack_floats as i32;
            b.get(u);
            b.s().i32_const(cap).i32_gt_u().i32_or().if_(BlockType::Empty);
            b.throw(throw::FSTACK_UNDERFLOW);
            b.s().end();
            fpush_new(b, |b| {
                b.s().local_get(at).f64_load(f64m(0));
            });
        }
        FDepth => {
            let c = &mut b.fcache;
            let extra = c.items.len() as i32 - c.popped as i32;
            let base = b.env.layout.fs_base() as i32;
            b.s().i32_const(base);
            fsp(b);
            b.s().i32_sub().i32_const(3).i32_shr_s();
            if extra != 0 {
                b.s().i32_const(extra).i32_add();
            }
            let v = b.set_temp();
            b.push(v);
        }
        FToD => {
            let r = fpop(b);
            b.s().local_get(r).i64_trunc_sat_f64_s();
            b.push_i64_as_double();
        }
        DToF => {
            let hi = b.pop();
            let lo = b.pop();
            fpush_new(b, |b| {
                b.get(hi);
                b.s().i64_extend_i32_u().i64_const(32).i64_shl();
                b.get(lo);
                b.s().i64_extend_i32_u().i64_or().f64_convert_i64_s();
            });
        }
        FToS => {
            // Out of range (and NaN) gives the most negative cell, as the
            // x86 conversion in gforth does.
            let r = fpop(b);
            b.s().local_get(r).i32_trunc_sat_f64_s().i32_const(i32::MIN);
            b.s().local_get(r).f64_abs().f64_const(2147483648.0.into()).f64_lt().select();
            let v = b.set_temp();
            b.push(v);
        }
        SToF => {
            let x = b.pop();
            fpush_new(b, |b| {
                b.get(x);
                b.s().f64_convert_i32_s();
            });
        }
        Floats | DFloats => scale(b, FLOAT as i32, 0),
        SFloats => scale(b, 4, 0),
        FloatPlus | DFloatPlus => scale(b, 1, FLOAT as i32),
        SFloatPlus => scale(b, 1, 4),
        FAligned | DFAligned => round_up(b, FLOAT as i32),
        SFAligned => round_up(b, 4),
        FAlign | DFAlign => align_here(b, FLOAT as i32),
        SFAlign => align_here(b, 4),
        // `prim::emit`'s match (no wildcard) sends exactly the float words
        // here; one sent without an arm above fails `kernel_validates`,
        // which emits every primitive.
        _ => unreachable!("{} is not a floating-point primitive", p.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::func;
    use crate::ir::{Block, LoopId, Term};

    /// `0E 10 0 DO I S>F F+ LOOP`: the accumulator stays in one slot.
    fn summing_loop(body: Vec<Op>) -> Function {
        let lp = LoopId(0);
        func(
            vec![
                Block {
                    ops: vec![Op::Lit(0), Op::Lit(0), Op::Prim(Prim::FLit), Op::Lit(10), Op::Lit(0), Op::DoInit(lp)],
                    term: Term::Jump(BlockId(1)),
                },
                Block { ops: body, term: Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) } },
                Block { ops: vec![], term: Term::Return },
            ],
            1,
        )
    }

    #[test]
    fn a_balanced_loop_keeps_its_floats_in_slots() {
        let f = summing_loop(vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::SToF), Op::Prim(Prim::FAdd)]);
        let loops = float_loops(&f, &Cfg::new(&f));
        assert_eq!(loops.len(), 1);
        let l = &loops[0];
        assert_eq!(
            (l.blocks.as_slice(), l.pre, l.exits.as_slice(), l.depth),
            (&[BlockId(1)][..], BlockId(0), &[BlockId(2)][..], 1)
        );
    }

    #[test]
    fn loops_that_call_or_change_the_depth_do_not() {
        let calls = summing_loop(vec![Op::Prim(Prim::FDup), Op::Call(7), Op::Prim(Prim::FDrop)]);
        assert!(float_loops(&calls, &Cfg::new(&calls)).is_empty());
        let grows = summing_loop(vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::SToF)]);
        assert!(float_loops(&grows, &Cfg::new(&grows)).is_empty());
        let picks = summing_loop(vec![Op::LoopIndex(LoopId(0)), Op::Prim(Prim::FPick), Op::Prim(Prim::FAdd)]);
        assert!(float_loops(&picks, &Cfg::new(&picks)).is_empty(), "an index known only at run time");
    }

    #[test]
    fn a_literal_fpick_is_a_static_move_that_reaches_below() {
        // `1e  2 FPICK F+`: the copy comes from three floats down.
        let picks = summing_loop(vec![Op::Lit(2), Op::Prim(Prim::FPick), Op::Prim(Prim::FAdd)]);
        let loops = float_loops(&picks, &Cfg::new(&picks));
        assert_eq!(loops.iter().map(|l| l.depth).collect::<Vec<_>>(), [3]);
        let too_far =
            summing_loop(vec![Op::Lit(MAX_CONSTANT_FPICK as i32), Op::Prim(Prim::FPick), Op::Prim(Prim::FAdd)]);
        assert!(float_loops(&too_far, &Cfg::new(&too_far)).is_empty(), "past the loop slots");
    }

    fn read(lo: u32, hi: u32) -> [Op; 3] {
        [Op::LocalGet(LocalId(lo)), Op::LocalGet(LocalId(hi)), Op::Prim(Prim::FLit)]
    }

    fn write(lo: u32, hi: u32) -> [Op; 3] {
        [Op::Prim(Prim::FBits), Op::LocalSet(LocalId(hi)), Op::LocalSet(LocalId(lo))]
    }

    #[test]
    fn pairs_only_ever_read_and_written_as_floats_are_float_locals() {
        let mut ops = Vec::new();
        ops.extend(write(0, 1));
        ops.extend(write(2, 3));
        ops.extend(read(0, 1));
        ops.extend(read(2, 3));
        ops.push(Op::Prim(Prim::FAdd));
        ops.extend(write(2, 3));
        let f = summing_loop(ops.clone());
        assert_eq!(float_locals(&f), [(LocalId(0), LocalId(1)), (LocalId(2), LocalId(3))]);
        let at = |i: usize| match FloatLocalAccess::at(&float_locals(&f), &ops[i..]) {
            Some(FloatLocalAccess::Read(k)) => Some((true, k)),
            Some(FloatLocalAccess::Write(k)) => Some((false, k)),
            None => None,
        };
        assert_eq!(
            [at(0), at(3), at(6), at(9), at(12), at(13)],
            [Some((false, 0)), Some((false, 1)), Some((true, 0)), Some((true, 1)), None, Some((false, 1))]
        );
    }

    #[test]
    fn a_pair_also_used_cell_by_cell_stays_two_cells() {
        // `x 2@`-like: the second pair's low cell is also read alone.
        let mut ops = Vec::new();
        ops.extend(write(0, 1));
        ops.extend(write(2, 3));
        ops.extend(read(0, 1));
        ops.push(Op::LocalGet(LocalId(2)));
        let f = summing_loop(ops);
        assert_eq!(float_locals(&f), [(LocalId(0), LocalId(1))]);
        // The same cells in two different pairs: neither is a float local.
        let mut ops = Vec::new();
        ops.extend(write(0, 1));
        ops.extend(read(1, 0));
        let f = summing_loop(ops);
        assert!(float_locals(&f).is_empty());
    }
}
