//! One function body under construction, with a stack cache.
//!
//! Code works on the memory data stack, but items pushed and popped within
//! a straight-line stretch live in wasm locals (the "virtual stack"): `DUP`
//! and `SWAP` emit nothing, `+` becomes `local.get; local.get; i32.add`.
//! The cache is written back to memory ([`FnBody::flush`]) before anything
//! that may look at the memory stack: calls, host calls and block ends.
//!
//! Invariants: local 0 is the xt parameter and local 1 caches the global
//! `sp`; between a flush and the next pop, `sp` is exact. Values in the
//! virtual stack are never reassigned, so a value may appear in it twice.

use std::collections::HashMap;

use wasm_encoder::{InstructionSink, MemArg, MemArgTarget, ValType};

use crate::ir::Xt;

/// Index of the xt parameter.
pub const XT_PARAM: u32 = 0;
/// Index of the local that caches the data stack pointer.
pub const SP: u32 = 1;
/// Index of the first of three i64 scratch locals (double-cell arithmetic).
pub const I64_SCRATCH: u32 = 2;
/// Index of the first fixed i32 local after the scratch locals.
const FIRST_FIXED: u32 = 5;

/// What a function body needs to know about its module.
pub struct Env<'a> {
    /// The memory map.
    pub layout: runtime::Layout,
    /// Function index of the `forth.host` import.
    pub host_func: u32,
    /// Function index of the kernel's throw helper (`(param code)`).
    pub throw_func: u32,
    /// Global index of `sp`.
    pub sp_global: u32,
    /// Global index of `rp`.
    pub rp_global: u32,
    /// Xts whose function is defined in this module, with its index.
    pub direct: &'a HashMap<Xt, u32>,
    /// Xts of host words (called through the host import).
    pub is_host: &'a dyn Fn(Xt) -> bool,
}

/// A value on the virtual stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    /// Held in a local.
    Local(u32),
    /// A known constant.
    Const(i32),
}

/// A function body under construction.
pub struct FnBody<'e> {
    /// The module environment.
    pub env: &'e Env<'e>,
    /// The encoded instructions, without the locals header and final `end`.
    pub code: Vec<u8>,
    n_fixed: u32,
    temps_live: u32,
    temps_max: u32,
    vstack: Vec<Val>,
    mem_popped: u32,
}

/// A memory immediate with a static offset.
pub fn mem(offset: u32, align: u32) -> MemArg {
    MemArg {
        offset: u64::from(offset),
        align,
        target: MemArgTarget::Memory(0),
        ordering: None,
    }
}

impl<'e> FnBody<'e> {
    /// A new body with `fixed_locals` locals after `sp` (loop slots), and
    /// the prologue that loads `sp`.
    pub fn new(env: &'e Env<'e>, fixed_locals: u32) -> Self {
        let mut body = FnBody {
            env,
            code: Vec::new(),
            n_fixed: fixed_locals,
            temps_live: 0,
            temps_max: 0,
            vstack: Vec::new(),
            mem_popped: 0,
        };
        body.s().global_get(env.sp_global).local_set(SP);
        body
    }

    /// The instruction sink.
    pub fn s(&mut self) -> InstructionSink<'_> {
        InstructionSink::new(&mut self.code)
    }

    /// Index of the first fixed local after `sp`.
    pub fn fixed_local(&self, i: u32) -> u32 {
        debug_assert!(i < self.n_fixed);
        FIRST_FIXED + i
    }

    /// A fresh temporary local.
    pub fn temp(&mut self) -> u32 {
        let t = FIRST_FIXED + self.n_fixed + self.temps_live;
        self.temps_live += 1;
        self.temps_max = self.temps_max.max(self.temps_live);
        t
    }

    /// Forgets all temporaries; only valid when no value is live.
    pub fn reset_temps(&mut self) {
        debug_assert!(self.vstack.is_empty());
        self.temps_live = 0;
    }

    /// Pushes a value on the virtual stack.
    pub fn push(&mut self, v: Val) {
        self.vstack.push(v);
    }

    /// Pops a value, loading it from the memory stack if the cache is empty.
    pub fn pop(&mut self) -> Val {
        if let Some(v) = self.vstack.pop() {
            return v;
        }
        let t = self.temp();
        let off = self.mem_popped * runtime::CELL;
        self.mem_popped += 1;
        self.s().local_get(SP).i32_load(mem(off, 2)).local_set(t);
        Val::Local(t)
    }

    /// Emits code that pushes `v` on the wasm operand stack.
    pub fn get(&mut self, v: Val) {
        match v {
            Val::Local(l) => self.s().local_get(l),
            Val::Const(c) => self.s().i32_const(c),
        };
    }

    /// Stores the wasm operand-stack top into a new temporary and returns it.
    pub fn set_temp(&mut self) -> Val {
        let t = self.temp();
        self.s().local_set(t);
        Val::Local(t)
    }

    /// Pops into a temporary local (so it can be read more than once cheaply).
    pub fn pop_local(&mut self) -> u32 {
        match self.pop() {
            Val::Local(l) => l,
            c @ Val::Const(_) => {
                self.get(c);
                match self.set_temp() {
                    Val::Local(l) => l,
                    Val::Const(_) => unreachable!("set_temp returns a local"),
                }
            }
        }
    }

    /// Writes the virtual stack back to memory, leaving `sp` exact.
    pub fn flush(&mut self) {
        let len = self.vstack.len() as u32;
        let delta = (self.mem_popped as i32 - len as i32) * runtime::CELL as i32;
        if delta != 0 {
            self.s()
                .local_get(SP)
                .i32_const(delta)
                .i32_add()
                .local_set(SP);
        }
        let items = std::mem::take(&mut self.vstack);
        for (i, v) in items.iter().enumerate() {
            let off = (len - 1 - i as u32) * runtime::CELL;
            self.s().local_get(SP);
            self.get(*v);
            self.s().i32_store(mem(off, 2));
        }
        self.mem_popped = 0;
    }

    /// Flushes and publishes `sp` to the global, before a call.
    pub fn sync_out(&mut self) {
        self.flush();
        let g = self.env.sp_global;
        self.s().local_get(SP).global_set(g);
    }

    /// Reloads `sp` from the global, after a call.
    pub fn sync_in(&mut self) {
        let g = self.env.sp_global;
        self.s().global_get(g).local_set(SP);
    }

    /// Calls the word `xt`: directly if it is in this module, through the
    /// host import if it is a host word, else through the table.
    pub fn call_word(&mut self, xt: Xt) {
        self.sync_out();
        let xt_const = xt as i32;
        if let Some(&f) = self.env.direct.get(&xt) {
            self.s().i32_const(xt_const).call(f);
        } else if (self.env.is_host)(xt) {
            let h = self.env.host_func;
            self.s().i32_const(xt_const).call(h);
        } else {
            self.s()
                .i32_const(xt_const)
                .i32_const(xt_const)
                .call_indirect(0, 0);
        }
        self.sync_in();
        self.reset_temps();
    }

    /// Calls the xt held in a local through the table (`EXECUTE`).
    pub fn call_dynamic(&mut self, xt_local: u32) {
        self.sync_out();
        self.s()
            .local_get(xt_local)
            .local_get(xt_local)
            .call_indirect(0, 0);
        self.sync_in();
    }

    /// Emits a THROW of a constant code (the helper traps; code after it is dead).
    pub fn throw(&mut self, code: i32) {
        let f = self.env.throw_func;
        self.s().i32_const(code).call(f);
    }

    /// Emits `if sp < limit then throw -3`, the data-stack overflow check.
    pub fn check_overflow(&mut self) {
        let limit = self.env.layout.ds_limit() as i32;
        self.s()
            .local_get(SP)
            .i32_const(limit)
            .i32_lt_u()
            .if_(wasm_encoder::BlockType::Empty);
        self.throw(runtime::throw::STACK_OVERFLOW);
        self.s().end();
    }

    /// Finishes the body: epilogue not included; returns the encoded function.
    pub fn finish(mut self) -> wasm_encoder::Function {
        self.s().end();
        let n = self.n_fixed + self.temps_max;
        let mut f =
            wasm_encoder::Function::new([(1, ValType::I32), (3, ValType::I64), (n, ValType::I32)]);
        f.raw(self.code.iter().copied());
        f
    }

    /// Whether the virtual stack is empty and `sp` is exact.
    pub fn is_synced(&self) -> bool {
        self.vstack.is_empty() && self.mem_popped == 0
    }
}
