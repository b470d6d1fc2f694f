//! Code for the floating-point primitives: wasm `f64` instructions on the
//! float stack in memory.
//!
//! The float stack lives in linear memory at the global `fsp` (8-byte IEEE
//! 754 binary64 items, growing down); nothing about it is cached in locals,
//! so the data-stack cache of `body.rs`, the stack-effect inference and the
//! calling conventions are unaffected: a float word's static effect counts
//! its data-stack items only, and every float word leaves `fsp` exact.
//!
//! Every access is checked: a word that needs n floats throws -45 if fewer
//! are there, and a word that pushes throws -44 when the stack is full.
//!
//! Guarantee: each arm leaves the body in a state where more ops may follow,
//! and the same program prints the same at every optimization level.

use wasm_encoder::{BlockType, InstructionSink, MemArg};

use super::body::{mem, FnBody, Val};
use super::module::FSP_GLOBAL;
use super::prim::{push_i64_as_double, set_here_checked};
use crate::primitives::Prim;
use runtime::{addr, throw, FLOAT};

fn f64m(off: u32) -> MemArg {
    mem(off, 3)
}

/// Pushes `fsp` on the operand stack.
fn fsp(b: &mut FnBody) {
    b.s().global_get(FSP_GLOBAL);
}

/// Throws -45 unless at least `n` floats are on the float stack.
fn need(b: &mut FnBody, n: u32) {
    let lowest_ok = b.env.layout.fs_base() - n * FLOAT;
    fsp(b);
    b.s().i32_const(lowest_ok as i32).i32_gt_u().if_(BlockType::Empty);
    b.throw(throw::FSTACK_UNDERFLOW);
    b.s().end();
}

/// Throws -44 unless there is room for `n` more floats.
fn room(b: &mut FnBody, n: u32) {
    let highest_bad = b.env.layout.fs_limit() + n * FLOAT;
    fsp(b);
    b.s().i32_const(highest_bad as i32).i32_lt_u().if_(BlockType::Empty);
    b.throw(throw::FSTACK_OVERFLOW);
    b.s().end();
}

/// `fsp += delta`.
fn adjust(b: &mut FnBody, delta: i32) {
    fsp(b);
    b.s().i32_const(delta).i32_add().global_set(FSP_GLOBAL);
}

/// Copies the float at `from` to `to` (offsets from `fsp`), as raw bits.
fn copy(b: &mut FnBody, from: u32, to: u32) {
    fsp(b);
    fsp(b);
    b.s().i64_load(f64m(from)).i64_store(f64m(to));
}

/// `r1 r2 -- r3`.
fn binary(b: &mut FnBody, op: impl FnOnce(&mut InstructionSink)) {
    need(b, 2);
    fsp(b);
    fsp(b);
    b.s().f64_load(f64m(8));
    fsp(b);
    b.s().f64_load(f64m(0));
    op(&mut b.s());
    b.s().f64_store(f64m(8));
    adjust(b, FLOAT as i32);
}

/// `r1 -- r2`.
fn unary(b: &mut FnBody, op: impl FnOnce(&mut InstructionSink)) {
    need(b, 1);
    fsp(b);
    fsp(b);
    b.s().f64_load(f64m(0));
    op(&mut b.s());
    b.s().f64_store(f64m(0));
}

/// Pops `n` floats (1 or 2), compares them with `op`, pushes a flag.
fn compare(b: &mut FnBody, n: u32, op: impl FnOnce(&mut InstructionSink)) {
    need(b, n);
    b.s().i32_const(0);
    if n == 2 {
        fsp(b);
        b.s().f64_load(f64m(8));
    }
    fsp(b);
    b.s().f64_load(f64m(0));
    if n == 1 {
        b.s().f64_const(0.0.into());
    }
    op(&mut b.s());
    b.s().i32_sub();
    let v = b.set_temp();
    adjust(b, (n * FLOAT) as i32);
    b.push(v);
}

/// `r1 r2 -- r`: r is the float at offset `if_lt` when r1 < r2, else the
/// one at `otherwise`.
fn select_by_lt(b: &mut FnBody, if_lt: u32, otherwise: u32) {
    need(b, 2);
    fsp(b);
    for off in [if_lt, otherwise, 8, 0] {
        fsp(b);
        b.s().f64_load(f64m(off));
    }
    b.s().f64_lt().select().f64_store(f64m(8));
    adjust(b, FLOAT as i32);
}

/// Pushes a float computed by `value` (which leaves an f64 on the operand
/// stack) after making room for it.
fn push_float(b: &mut FnBody, value: impl FnOnce(&mut FnBody)) {
    room(b, 1);
    adjust(b, -(FLOAT as i32));
    fsp(b);
    value(b);
    b.s().f64_store(f64m(0));
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
    match p {
        FLit => {
            let hi = b.pop();
            let lo = b.pop();
            push_float(b, |b| match (lo, hi) {
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
        FAdd => binary(b, |s| {
            s.f64_add();
        }),
        FSub => binary(b, |s| {
            s.f64_sub();
        }),
        FMul => binary(b, |s| {
            s.f64_mul();
        }),
        FDiv => binary(b, |s| {
            s.f64_div();
        }),
        // As gforth: FMAX keeps r1 unless r1 < r2, FMIN takes r2 unless
        // r1 < r2 (so signed zeros and NaNs come out as there).
        FMax => select_by_lt(b, 0, 8),
        FMin => select_by_lt(b, 8, 0),
        FNegate => unary(b, |s| {
            s.f64_neg();
        }),
        FAbs => unary(b, |s| {
            s.f64_abs();
        }),
        FSqrt => unary(b, |s| {
            s.f64_sqrt();
        }),
        Floor => unary(b, |s| {
            s.f64_floor();
        }),
        FRound => unary(b, |s| {
            s.f64_nearest();
        }),
        FTrunc => unary(b, |s| {
            s.f64_trunc();
        }),
        FLt => compare(b, 2, |s| {
            s.f64_lt();
        }),
        FGt => compare(b, 2, |s| {
            s.f64_gt();
        }),
        FEq => compare(b, 2, |s| {
            s.f64_eq();
        }),
        FZeroLt => compare(b, 1, |s| {
            s.f64_lt();
        }),
        FZeroEq => compare(b, 1, |s| {
            s.f64_eq();
        }),
        FZeroGt => compare(b, 1, |s| {
            s.f64_gt();
        }),
        FFetch | DFFetch | SFFetch => {
            let a = b.pop();
            push_float(b, |b| {
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
            need(b, 1);
            b.get(a);
            fsp(b);
            b.s().f64_load(f64m(0));
            if p == SFStore {
                b.s().f32_demote_f64().f32_store(mem(0, 2));
            } else {
                b.s().f64_store(f64m(0));
            }
            adjust(b, FLOAT as i32);
        }
        FComma => {
            need(b, 1);
            b.s().i32_const(addr::DP as i32).i32_load(mem(0, 2));
            fsp(b);
            b.s().i64_load(f64m(0)).i64_store(f64m(0));
            b.s().i32_const(addr::DP as i32).i32_load(mem(0, 2)).i32_const(FLOAT as i32).i32_add();
            set_here_checked(b);
            adjust(b, FLOAT as i32);
        }
        FDup => {
            need(b, 1);
            room(b, 1);
            adjust(b, -(FLOAT as i32));
            copy(b, 8, 0);
        }
        FDrop => {
            need(b, 1);
            adjust(b, FLOAT as i32);
        }
        FSwap => {
            need(b, 2);
            rotate(b, &[0, 8]);
        }
        FOver => {
            need(b, 2);
            room(b, 1);
            adjust(b, -(FLOAT as i32));
            copy(b, 16, 0);
        }
        // ( r1 r2 r3 -- r2 r3 r1 ): offsets 16 <- 8 <- 0 <- 16.
        FRot => {
            need(b, 3);
            rotate(b, &[16, 8, 0]);
        }
        FMinusRot => {
            need(b, 3);
            rotate(b, &[0, 8, 16]);
        }
        FNip => {
            need(b, 2);
            copy(b, 0, 8);
            adjust(b, FLOAT as i32);
        }
        FTuck => {
            need(b, 2);
            room(b, 1);
            adjust(b, -(FLOAT as i32));
            // Now r1 at 16, r2 at 8: make r2 r1 r2.
            copy(b, 8, 0);
            copy(b, 16, 8);
            copy(b, 0, 16);
        }
        FPick => {
            let u = b.pop();
            // The address of the u-th float, checked against the bottom.
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
            push_float(b, |b| {
                b.s().local_get(at).f64_load(f64m(0));
            });
        }
        FDepth => {
            let base = b.env.layout.fs_base() as i32;
            b.s().i32_const(base);
            fsp(b);
            b.s().i32_sub().i32_const(3).i32_shr_s();
            let v = b.set_temp();
            b.push(v);
        }
        FToD => {
            need(b, 1);
            fsp(b);
            b.s().f64_load(f64m(0)).i64_trunc_sat_f64_s();
            adjust(b, FLOAT as i32);
            push_i64_as_double(b);
        }
        DToF => {
            let hi = b.pop();
            let lo = b.pop();
            push_float(b, |b| {
                b.get(hi);
                b.s().i64_extend_i32_u().i64_const(32).i64_shl();
                b.get(lo);
                b.s().i64_extend_i32_u().i64_or().f64_convert_i64_s();
            });
        }
        FToS => {
            // Out of range (and NaN) gives the most negative cell, as the
            // x86 conversion in gforth does.
            need(b, 1);
            let t = b.i64_scratch();
            fsp(b);
            b.s().f64_load(f64m(0)).i64_reinterpret_f64().local_set(t);
            b.s().local_get(t).f64_reinterpret_i64().i32_trunc_sat_f64_s();
            b.s().i32_const(i32::MIN);
            b.s().local_get(t).f64_reinterpret_i64().f64_abs().f64_const(2147483648.0.into()).f64_lt();
            b.s().select();
            let v = b.set_temp();
            adjust(b, FLOAT as i32);
            b.push(v);
        }
        SToF => {
            let x = b.pop();
            push_float(b, |b| {
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
        _ => unreachable!("{} is not a floating-point primitive", p.name()),
    }
}

/// Rotates floats among offsets: the float at `offs[0]` moves to the last
/// offset, and each other one moves to the offset before it.
fn rotate(b: &mut FnBody, offs: &[u32]) {
    let t = b.i64_scratch();
    fsp(b);
    b.s().i64_load(f64m(offs[0])).local_set(t);
    for w in offs.windows(2) {
        copy(b, w[1], w[0]);
    }
    fsp(b);
    b.s().local_get(t).i64_store(f64m(offs[offs.len() - 1]));
}
