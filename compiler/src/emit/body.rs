//! One function body under construction, with a stack cache.
//!
//! Code works on the data stack, but items pushed and popped within a
//! straight-line stretch live in wasm locals (the "virtual stack"): `DUP`
//! and `SWAP` emit nothing, `+` becomes `local.get; local.get; i32.add`.
//! Items below the virtual stack are in memory, at the local `sp`.
//!
//! Calls come in three kinds:
//! - a *register call* to a function with a static effect: the arguments are
//!   wasm parameters and the results wasm results; nothing touches memory;
//! - a *local call* to a word whose static effect touches only its own
//!   arguments (a host word, or a static word reached through the table):
//!   only the arguments are written to memory, and the results are read
//!   back at once;
//! - a *dynamic call*, to a word that may look at the whole stack: the
//!   virtual stack is written back to memory first ([`FnBody::sync_out`]).
//!
//! Invariants: between calls, the global `sp` equals the local `sp` unless
//! `sp_dirty`; every address below the global `sp` is free. Values in the
//! virtual stack are never reassigned within a block, so a value may appear
//! in it twice.

use std::collections::HashMap;

use wasm_encoder::{InstructionSink, MemArg, MemArgTarget, ValType};

use crate::ir::Xt;
use crate::passes::effects::MAX_CONSTANT_INDEX;
use crate::passes::effects::{call_effect, Effect, Known};

/// Global index of `fsp` (the floating-point stack pointer) in every module.
pub const FSP_GLOBAL: u32 = 2;

/// Whether `xt` is `THROW`, which calls test their code inline.
fn is_throw(xt: Xt) -> bool {
    crate::xt_numbering::host_word_of(xt) == Some(crate::host_words::HostWord::Throw)
}

/// Whether `xt` is a word that exists to throw (`THROW`, `ABORT"`): its
/// callers spill their stack before calling it (see `FnBody::local_call`).
fn throws_to_catch(xt: Xt) -> bool {
    use crate::host_words::HostWord;
    matches!(crate::xt_numbering::host_word_of(xt), Some(HostWord::Throw | HostWord::AbortQuoteRuntime))
}

/// Index of the xt parameter of a memory-ABI function.
pub const XT_PARAM: u32 = 0;

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
    /// Memory-ABI functions defined in this module, by xt.
    pub direct: &'a HashMap<Xt, u32>,
    /// Register-ABI functions defined in this module: index and effect.
    pub register: &'a HashMap<Xt, (u32, Effect)>,
    /// Static effects of words reached through the table.
    pub known: &'a Known,
    /// The deferred words among `known`: what they execute can change, so
    /// each call checks the effect at run time.
    pub deferred: &'a Known,
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
    n_params: u32,
    n_fixed: u32,
    temps_live: u32,
    temps_max: u32,
    vstack: Vec<Val>,
    mem_popped: u32,
    sp_dirty: bool,
    /// Whether any code refers to the local `sp`; if not, the prologue that
    /// loads it is left out.
    sp_used: std::cell::Cell<bool>,
    /// The float-stack cache (see `float.rs`).
    pub fcache: FloatCache,
    /// f64 locals declared: the cache's pool, then loop slots.
    n_f64: u32,
    /// The first of the float locals among the f64 locals.
    float_locals_base: u32,
    /// v128 locals declared, for vectorized loops (see `vector.rs`).
    n_v128: u32,
}

/// The top of the float stack held in f64 locals within a straight-line
/// stretch of code (the float counterpart of the virtual stack).
///
/// Invariants: `items` are f64 locals (bottom first), above `popped` floats
/// that were read from memory but not yet removed from it; the global `fsp`
/// is exact except for those two. Everything is written back by
/// `float::flush` before any call and at the end of every block.
#[derive(Debug, Default)]
pub struct FloatCache {
    /// Number of f64 locals the body declares (0: float words go to memory).
    pub pool: u32,
    /// Locals handed out since the last flush.
    pub used: u32,
    /// Cached floats, bottom first.
    pub items: Vec<u32>,
    /// Floats popped from memory and not yet committed to `fsp`.
    pub popped: u32,
    /// The deepest float (counted from the committed `fsp`) already checked
    /// to be there, and the most floats already checked to fit: checks that
    /// these imply are left out until the next flush moves `fsp`.
    pub depth_checked: u32,
    /// See `depth_checked`.
    pub room_checked: u32,
    /// How deep below `fsp`, and how far above it, the rest of the block
    /// goes before a call (`float::expect_block`): the first check of
    /// each kind checks that much. Zero after a flush.
    pub reach_depth: u32,
    /// See `reach_depth`.
    pub reach_room: u32,
    /// In a loop whose floats stay in slots: how many (`float::FloatLoop`).
    pub slots: u32,
}

/// A memory immediate with a static offset.
pub fn mem(offset: u32, align: u32) -> MemArg {
    MemArg { offset: u64::from(offset), align, target: MemArgTarget::Memory(0), ordering: None }
}

impl<'e> FnBody<'e> {
    /// A memory-ABI body (`(param xt)`) with `fixed_locals` locals for loop
    /// slots, and the prologue that loads `sp`.
    pub fn new(env: &'e Env<'e>, fixed_locals: u32) -> Self {
        Self::with_params(env, 1, fixed_locals)
    }

    /// A body with `n_params` i32 parameters.
    pub fn with_params(env: &'e Env<'e>, n_params: u32, fixed_locals: u32) -> Self {
        FnBody {
            env,
            code: Vec::new(),
            n_params,
            n_fixed: fixed_locals,
            temps_live: 0,
            temps_max: 0,
            vstack: Vec::new(),
            mem_popped: 0,
            sp_dirty: false,
            sp_used: std::cell::Cell::new(false),
            fcache: FloatCache::default(),
            n_f64: 0,
            float_locals_base: 0,
            n_v128: 0,
        }
    }

    /// The same empty body with `pool` f64 locals for the float-stack cache
    /// and `slots` more for floats kept across loop back edges; must be
    /// called before any code is emitted.
    pub fn with_float_cache(mut self, pool: u32, slots: u32) -> Self {
        debug_assert!(self.code.is_empty());
        self.fcache.pool = pool;
        self.n_f64 = if pool == 0 { 0 } else { pool + slots };
        self
    }

    /// The same empty body with `n` more f64 locals, one per float local
    /// (`float::float_locals`), after the float cache's; must be called
    /// after [`FnBody::with_float_cache`] and before any code is emitted.
    pub fn with_float_locals(mut self, n: u32) -> Self {
        debug_assert!(self.code.is_empty());
        self.float_locals_base = self.n_f64;
        self.n_f64 += n;
        self
    }

    /// The f64 local of float local `k`.
    pub fn float_local(&self, k: u32) -> u32 {
        debug_assert!(self.float_locals_base + k < self.n_f64);
        self.first_f64() + self.float_locals_base + k
    }

    /// The same empty body with `n` v128 locals (after the f64 ones); must
    /// be called before any code is emitted.
    pub fn with_v128(mut self, n: u32) -> Self {
        debug_assert!(self.code.is_empty());
        self.n_v128 = n;
        self
    }

    /// The `j`-th v128 local.
    pub fn v128_local(&self, j: u32) -> u32 {
        debug_assert!(j < self.n_v128);
        self.n_params + 5 + self.n_f64 + j
    }

    /// The first of the f64 locals of the float-stack cache.
    pub fn first_f64(&self) -> u32 {
        self.n_params + 5
    }

    /// The local that caches the data stack pointer.
    pub fn sp(&self) -> u32 {
        self.sp_used.set(true);
        self.n_params
    }

    /// The first of four i64 scratch locals (double-cell arithmetic).
    pub fn i64_scratch(&self) -> u32 {
        self.n_params + 1
    }

    fn first_fixed(&self) -> u32 {
        self.n_params + 5 + self.n_f64 + self.n_v128
    }

    /// Bytes of instructions emitted so far (not counting the prologue).
    pub fn code_len(&self) -> usize {
        self.code.len()
    }

    /// The instruction sink.
    pub fn s(&mut self) -> InstructionSink<'_> {
        InstructionSink::new(&mut self.code)
    }

    /// Index of the i-th fixed local (loop and stack slots).
    pub fn fixed_local(&self, i: u32) -> u32 {
        debug_assert!(i < self.n_fixed);
        self.first_fixed() + i
    }

    /// A fresh temporary local.
    pub fn temp(&mut self) -> u32 {
        let t = self.first_fixed() + self.n_fixed + self.temps_live;
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
        let sp = self.sp();
        self.s().local_get(sp).i32_load(mem(off, 2)).local_set(t);
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

    /// Pops into a local (so it can be read more than once cheaply).
    pub fn pop_local(&mut self) -> u32 {
        let v = self.pop();
        self.materialize(v)
    }

    /// The local holding `v`, materializing a constant into a temporary.
    pub fn materialize(&mut self, v: Val) -> u32 {
        match v {
            Val::Local(l) => l,
            Val::Const(c) => {
                let t = self.temp();
                self.s().i32_const(c).local_set(t);
                t
            }
        }
    }

    /// The virtual stack, bottom first.
    pub fn vstack(&self) -> &[Val] {
        &self.vstack
    }

    /// Replaces the virtual stack (at a block entry).
    pub fn set_vstack(&mut self, v: Vec<Val>) {
        debug_assert!(self.mem_popped == 0);
        self.vstack = v;
    }

    /// Drops the virtual stack (after its values were moved elsewhere).
    pub fn clear_vstack(&mut self) {
        self.vstack.clear();
    }

    /// Applies pending memory pops to `sp`.
    fn commit_pops(&mut self) {
        if self.mem_popped > 0 {
            let sp = self.sp();
            let n = (self.mem_popped * runtime::CELL) as i32;
            self.s().local_get(sp).i32_const(n).i32_add().local_set(sp);
            self.mem_popped = 0;
            self.sp_dirty = true;
        }
    }

    /// Records that code changed the local `sp` directly.
    pub fn mark_sp_dirty(&mut self) {
        self.sp_dirty = true;
    }

    /// Makes the global `sp` equal to the local one.
    fn publish_sp(&mut self) {
        self.commit_pops();
        if self.sp_dirty {
            let (sp, g) = (self.sp(), self.env.sp_global);
            self.s().local_get(sp).global_set(g);
            self.sp_dirty = false;
        }
    }

    /// Writes the virtual stack back to memory, leaving `sp` exact.
    pub fn flush(&mut self) {
        let len = self.vstack.len() as u32;
        let delta = (self.mem_popped as i32 - len as i32) * runtime::CELL as i32;
        let sp = self.sp();
        if delta != 0 {
            self.s().local_get(sp).i32_const(delta).i32_add().local_set(sp);
            self.sp_dirty = true;
        }
        let items = std::mem::take(&mut self.vstack);
        for (i, v) in items.iter().enumerate() {
            let off = (len - 1 - i as u32) * runtime::CELL;
            self.s().local_get(sp);
            self.get(*v);
            self.s().i32_store(mem(off, 2));
        }
        self.mem_popped = 0;
    }

    /// Flushes and publishes `sp` to the global: before a dynamic call, and
    /// at every block boundary of a memory-convention function, so that each
    /// block starts with the global and local `sp` equal on every path.
    pub fn sync_out(&mut self) {
        self.flush_floats();
        self.flush();
        self.publish_sp();
    }

    /// Reloads `sp` from the global, after a dynamic call.
    pub fn sync_in(&mut self) {
        let (sp, g) = (self.sp(), self.env.sp_global);
        self.s().global_get(g).local_set(sp);
        self.sp_dirty = false;
    }

    /// Whether calling `xt` keeps the caller's stack in locals (the callee
    /// has a static effect and looks only at its own arguments).
    pub fn is_local_call(&self, xt: Xt) -> bool {
        self.env.register.contains_key(&xt) || call_effect(xt, self.env.known).is_some()
    }

    /// Calls the word `xt` in the cheapest way its effect allows.
    pub fn call_word(&mut self, xt: Xt) {
        // Whatever is called may use the float stack.
        self.flush_floats();
        if let Some(&(f, e)) = self.env.register.get(&xt) {
            return self.register_call(f, e);
        }
        if let Some(&e) = self.env.deferred.get(&xt) {
            return self.local_call(xt, e, false, true);
        }
        if let Some(e) = call_effect(xt, self.env.known) {
            if is_throw(xt) {
                return self.throw_call(xt, e);
            }
            return self.local_call(xt, e, throws_to_catch(xt), false);
        }
        self.sync_out();
        self.emit_call_insn(xt);
        self.sync_in();
        self.reset_temps();
    }

    fn emit_call_insn(&mut self, xt: Xt) {
        let xt_const = xt as i32;
        if let Some(&f) = self.env.direct.get(&xt) {
            self.s().i32_const(xt_const).call(f);
        } else if (self.env.is_host)(xt) {
            let h = self.env.host_func;
            self.s().i32_const(xt_const).call(h);
        } else {
            self.s().i32_const(xt_const).i32_const(xt_const).call_indirect(0, 0);
        }
    }

    /// Pops `n` values, bottom first.
    pub fn pop_n(&mut self, n: u32) -> Vec<Val> {
        let mut args: Vec<Val> = (0..n).map(|_| self.pop()).collect();
        args.reverse();
        args
    }

    /// A call with wasm parameters and results.
    fn register_call(&mut self, f: u32, e: Effect) {
        let args = self.pop_n(e.inputs);
        let popped_from_memory = self.mem_popped > 0;
        self.publish_sp();
        if popped_from_memory {
            // An effect may count an input that only a path never taken at
            // run time consumes (`0 IF DROP 5 THEN`): then the stack holds
            // fewer items than the pops assume. The callee must not see `sp`
            // past the bottom (its host words would throw -4); the local `sp`
            // keeps the exact value, so the results land where they should.
            let (sp, g, base) = (self.sp(), self.env.sp_global, self.env.layout.ds_base() as i32);
            self.s().local_get(sp).i32_const(base).local_get(sp).i32_const(base).i32_lt_u().select().global_set(g);
            self.sp_dirty = true;
        }
        for a in args {
            self.get(a);
        }
        self.s().call(f);
        self.take_results(e.outputs);
    }

    /// `return_call` of a register-convention function whose results are
    /// the caller's own, as the last thing the caller does: only when the
    /// call's arguments are the whole virtual stack and nothing was popped
    /// from memory, so the callee's results are exactly what the caller
    /// would return. Returns false, having emitted nothing, otherwise.
    pub fn register_tail_call(&mut self, f: u32, e: Effect) -> bool {
        if self.vstack.len() as u32 != e.inputs || self.mem_popped > 0 {
            return false;
        }
        let args = self.pop_n(e.inputs);
        self.publish_sp();
        for a in args {
            self.get(a);
        }
        self.s().return_call(f);
        true
    }

    /// Moves `n` results from the wasm operand stack to the virtual stack.
    pub fn take_results(&mut self, n: u32) {
        let ts: Vec<u32> = (0..n).map(|_| self.temp()).collect();
        for &t in ts.iter().rev() {
            self.s().local_set(t);
        }
        for t in ts {
            self.push(Val::Local(t));
        }
    }

    /// A memory-ABI call to a word that only touches its own arguments:
    /// only the arguments go to memory, and the results come back at once.
    /// With `spill`, the items of the virtual stack below the arguments are
    /// written below them first (the virtual stack keeps them too), so that
    /// a `CATCH` this call throws to finds in memory what the stack held.
    /// With `checked` (a deferred word), the callee's effect is checked at
    /// run time ([`FnBody::check_deferred_effect`]).
    fn local_call(&mut self, xt: Xt, e: Effect, spill: bool, checked: bool) {
        let mut args = self.pop_n(e.inputs);
        self.commit_pops();
        let sp = self.sp();
        let g = self.env.sp_global;
        let below = if spill { self.vstack.len() as u32 } else { 0 };
        if spill {
            args.splice(0..0, self.vstack.iter().copied());
        }
        let n_in = args.len() as u32;
        for (k, a) in args.into_iter().enumerate() {
            let off = (k as u32 + 1) * runtime::CELL;
            self.s().local_get(sp).i32_const(off as i32).i32_sub();
            self.get(a);
            self.s().i32_store(mem(0, 2));
        }
        self.s().local_get(sp).i32_const((n_in * runtime::CELL) as i32).i32_sub().global_set(g);
        self.emit_call_insn(xt);
        if checked {
            self.check_deferred_effect(e);
        }
        let n_out = e.outputs;
        for k in 0..n_out {
            let off = (below + k + 1) * runtime::CELL;
            self.s().local_get(sp).i32_const(off as i32).i32_sub().i32_load(mem(0, 2));
            let v = self.set_temp();
            self.push(v);
        }
        self.s().local_get(sp).global_set(g);
        self.sp_dirty = false;
    }

    /// Right after a local call of a deferred word with effect `e`, while
    /// the global `sp` is still the callee's: the word it executed must have
    /// left it `e.outputs` cells below the local `sp`. If it took more
    /// items, THROW -4 (stack underflow); if it left more, THROW -3 (stack
    /// overflow).
    fn check_deferred_effect(&mut self, e: Effect) {
        use wasm_encoder::BlockType::Empty;
        let (sp, g) = (self.sp(), self.env.sp_global);
        let t = self.temp();
        let results = (e.outputs * runtime::CELL) as i32;
        self.s().global_get(g).local_get(sp).i32_const(results).i32_sub().i32_sub().local_tee(t).if_(Empty);
        self.s().local_get(t).i32_const(0).i32_gt_s().if_(Empty);
        self.throw(runtime::throw::STACK_UNDERFLOW);
        self.s().else_();
        self.throw(runtime::throw::STACK_OVERFLOW);
        self.s().end().end();
    }

    /// `THROW`: only a non-zero code reaches the host (`ior THROW` after
    /// every I/O or allocation word is common, and mostly 0).
    fn throw_call(&mut self, xt: Xt, e: Effect) {
        let code = self.pop();
        match code {
            Val::Const(0) => return,
            Val::Const(_) => {
                self.push(code);
                return self.local_call(xt, e, true, false);
            }
            Val::Local(_) => {}
        }
        // Both paths must leave `sp` in the same state: settle it first.
        self.publish_sp();
        self.get(code);
        self.s().if_(wasm_encoder::BlockType::Empty);
        self.push(code);
        self.local_call(xt, e, true, false);
        self.s().end();
    }

    /// Calls the xt held in a local through the table (`EXECUTE`).
    pub fn call_dynamic(&mut self, xt_local: u32) {
        self.sync_out();
        self.s().local_get(xt_local).local_get(xt_local).call_indirect(0, 0);
        self.sync_in();
    }

    /// Writes the cached floats back to memory and makes `fsp` exact
    /// (`float.rs` keeps the cache; every call and block end flushes it).
    pub fn flush_floats(&mut self) {
        let items = std::mem::take(&mut self.fcache.items);
        let popped = std::mem::replace(&mut self.fcache.popped, 0);
        // No local is held outside the cache here, so all are free again; `fsp`
        // moves, so earlier checks say nothing about it.
        self.fcache.used = 0;
        self.fcache.depth_checked = 0;
        self.fcache.room_checked = 0;
        self.fcache.reach_depth = 0;
        self.fcache.reach_room = 0;
        self.fcache.slots = 0;
        let len = items.len() as u32;
        let delta = (popped as i32 - len as i32) * runtime::FLOAT as i32;
        if delta != 0 {
            self.push_fsp();
            self.s().i32_const(delta).i32_add().global_set(FSP_GLOBAL);
        }
        for (i, l) in items.into_iter().enumerate() {
            self.push_fsp();
            self.s().local_get(l).f64_store(mem((len - 1 - i as u32) * runtime::FLOAT, 3));
        }
    }

    /// Pushes `fsp` on the operand stack.
    pub fn push_fsp(&mut self) {
        self.s().global_get(FSP_GLOBAL);
    }

    /// Splits the i64 on the operand stack into a double cell on the data
    /// stack (low cell below, high cell on top).
    pub fn push_i64_as_double(&mut self) {
        let t = self.i64_scratch() + 2;
        self.s().local_tee(t).i32_wrap_i64();
        let lo = self.set_temp();
        self.s().local_get(t).i64_const(32).i64_shr_s().i32_wrap_i64();
        let hi = self.set_temp();
        self.push(lo);
        self.push(hi);
    }

    /// Stores the address on the operand stack as `HERE`, throwing -8
    /// (dictionary overflow) when it is past the data space.
    pub fn set_here_checked(&mut self) {
        let t = self.temp();
        let end = self.env.layout.data_end() as i32;
        self.s().local_tee(t).i32_const(end).i32_gt_u().if_(wasm_encoder::BlockType::Empty);
        self.throw(runtime::throw::DICTIONARY_OVERFLOW);
        self.s().end();
        self.s().i32_const(runtime::addr::DP as i32).local_get(t).i32_store(mem(0, 2));
    }

    /// The top of the stack cache when it is a literal index small enough
    /// to move within the cache (`n PICK`, `n ROLL`, `n FPICK`).
    pub fn constant_index(&self) -> Option<u32> {
        match self.vstack().last() {
            Some(&Val::Const(n)) if (0..=MAX_CONSTANT_INDEX).contains(&n) => Some(n as u32),
            _ => None,
        }
    }

    /// Emits a THROW of a constant code (the helper traps; code after it is dead).
    pub fn throw(&mut self, code: i32) {
        let f = self.env.throw_func;
        // The helper never returns (the host's THROW traps): `unreachable`
        // says so to the engine, so no value is kept alive across the call.
        // A check's error path in a loop then costs the loop no spills of
        // its f64 values (every float register is caller-saved).
        self.s().i32_const(code).call(f).unreachable();
    }

    /// Emits `if sp < limit then throw -3`, the data-stack overflow check.
    pub fn check_overflow(&mut self) {
        self.check_entry(true, 0);
    }

    /// Emits the checks at the entry of a memory-convention function: with
    /// `overflow`, `sp` must be at or above the data stack's limit (else
    /// THROW -3), and the stack must hold `items` items (else THROW -4).
    /// Both bounds cost one unsigned compare, `sp - low > high - low`; only
    /// the error path tells them apart.
    pub fn check_entry(&mut self, overflow: bool, items: u32) {
        use wasm_encoder::BlockType::Empty;
        let layout = self.env.layout;
        let low = if overflow { layout.ds_limit() } else { 0 };
        let high = layout.ds_base().saturating_sub(items.saturating_mul(runtime::CELL)).max(low);
        let sp = self.sp();
        match (overflow, items) {
            (false, 0) => {}
            (true, 0) => {
                self.s().local_get(sp).i32_const(low as i32).i32_lt_u().if_(Empty);
                self.throw(runtime::throw::STACK_OVERFLOW);
                self.s().end();
            }
            (false, _) => {
                self.s().local_get(sp).i32_const(high as i32).i32_gt_u().if_(Empty);
                self.throw(runtime::throw::STACK_UNDERFLOW);
                self.s().end();
            }
            (true, _) => {
                self.s().local_get(sp).i32_const(low as i32).i32_sub();
                self.s().i32_const((high - low) as i32).i32_gt_u().if_(Empty);
                self.s().local_get(sp).i32_const(low as i32).i32_lt_u().if_(Empty);
                self.throw(runtime::throw::STACK_OVERFLOW);
                self.s().end();
                self.throw(runtime::throw::STACK_UNDERFLOW);
                self.s().end();
            }
        }
    }

    /// Finishes the body and returns the encoded function, with the
    /// prologue that loads `sp` if anything uses it.
    pub fn finish(mut self) -> wasm_encoder::Function {
        self.s().end();
        let n = self.n_fixed + self.temps_max;
        let mut locals = vec![(1, ValType::I32), (4, ValType::I64)];
        if self.n_f64 > 0 {
            locals.push((self.n_f64, ValType::F64));
        }
        if self.n_v128 > 0 {
            locals.push((self.n_v128, ValType::V128));
        }
        locals.push((n, ValType::I32));
        let mut f = wasm_encoder::Function::new(locals);
        if self.sp_used.get() {
            f.instructions().global_get(self.env.sp_global).local_set(self.n_params);
        }
        f.raw(self.code.iter().copied());
        f
    }

    /// Whether the virtual stack is empty and `sp` is exact.
    pub fn is_synced(&self) -> bool {
        self.vstack.is_empty() && self.mem_popped == 0
    }
}
