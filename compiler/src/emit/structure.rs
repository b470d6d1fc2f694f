//! Structured emission of a definition's control-flow graph.
//!
//! Follows Norman Ramsey, "Beyond Relooper: Recursive Translation of
//! Unstructured Control Flow to Structured Control Flow" (ICFP 2022): walk
//! the dominator tree; a loop header becomes a wasm `loop`; each merge node
//! becomes the code after a `block` that encloses its dominator's code, with
//! the highest-numbered merge node outermost; every other forward edge is
//! emitted inline.
//!
//! A definition with a static stack effect (see `passes::effects`) is
//! emitted with the register calling convention: its inputs are wasm
//! parameters, its outputs wasm results, and at every block boundary the
//! stack lives in fixed "slot" locals, so the data stack never touches
//! memory. Other definitions keep the memory convention: the stack is in
//! memory at every block boundary.
//!
//! Needs: a verified [`Function`] whose reachable graph is reducible (the
//! control words of Forth 2012 only make reducible graphs unless `CS-ROLL`
//! is abused; those get [`EmitError::Irreducible`]), and for the register
//! convention, the block depths the effect analysis found.
//! Guarantees: every reachable block is emitted exactly once, and every path
//! ends in `return` with the stack where its convention puts it.

use wasm_encoder::BlockType;

use super::body::{FnBody, Val};
use super::float::FloatLocalAccess;
use super::prim;
use crate::cfg::Cfg;
use crate::ir::{BlockId, Function, LocalId, Op, Term};
use crate::passes::effects::{return_stack_effect, sure_inputs, Effect};

/// The register convention of a static definition.
#[derive(Clone, Debug)]
pub struct Register {
    /// The definition's effect.
    pub effect: Effect,
    /// The stack depth at each block's entry, relative to the function's entry.
    pub depths: Vec<Option<i64>>,
    /// The return-stack depth at each block's entry, when the definition's
    /// return-stack items can live in locals too.
    pub rdepths: Option<Vec<Option<u32>>>,
}

/// Why a function could not be emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmitError {
    /// The control flow has a loop with two entries.
    Irreducible(String),
}

impl std::fmt::Display for EmitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmitError::Irreducible(name) => {
                write!(f, "{name}: control flow enters a loop in two places, which this compiler cannot express")
            }
        }
    }
}

/// What the code emitted from a point of a function body on is for (the
/// emitter's half of the code view's source map).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodePart {
    /// The op at this position of this block.
    Op(BlockId, usize),
    /// The terminator of this block (and the stack moves before it).
    Term(BlockId),
    /// The function's frame: its entry checks, and the `block`, `loop`
    /// and `end` of the structure.
    Frame,
}

/// Where each part of a function body starts, as byte offsets into its
/// instructions (after the prologue `FnBody::finish` adds), in order.
pub type Marks = Vec<(usize, CodePart)>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    IfThenElse,
    LoopHeadedBy(BlockId),
    BlockFollowedBy(BlockId),
}

struct Structurer<'a, 'e> {
    func: &'a Function,
    cfg: Cfg,
    body: FnBody<'e>,
    ctx: Vec<Ctx>,
    register: Option<&'a Register>,
    /// Return-stack items held in locals at this point of the block.
    rdepth: u32,
    /// Index among the fixed locals of the first return-stack slot.
    rslot_base: u32,
    /// Loops whose floats stay in slots across back edges.
    float_loops: Vec<super::float::FloatLoop>,
    /// Forth locals that hold one float each, kept in f64 locals.
    float_locals: Vec<(LocalId, LocalId)>,
    /// Where the parts of the code start, when the code view asks.
    marks: Option<&'a mut Marks>,
}

/// The deepest return stack a definition with return-stack locals reaches.
fn max_rdepth(func: &Function, r: &Register) -> u32 {
    let Some(rd) = &r.rdepths else { return 0 };
    let mut max = 0;
    for (b, block) in func.blocks.iter().enumerate() {
        let Some(mut d) = rd[b] else { continue };
        max = max.max(d);
        for (_, delta) in block.ops.iter().filter_map(return_stack_effect) {
            d = (d as i32 + delta) as u32;
            max = max.max(d);
        }
    }
    max
}

/// The number of data-stack slot locals: the deepest stack at a block entry.
fn stack_slots(r: &Register) -> u32 {
    r.depths.iter().flatten().map(|&d| (i64::from(r.effect.inputs) + d).max(0) as u32).max().unwrap_or(0)
}

/// Emits `func` with the memory convention (`(param xt)`), or with the
/// register convention if `register` is given.
pub fn emit_function<'e>(
    env: &'e super::body::Env<'e>,
    func: &Function,
    register: Option<&Register>,
) -> Result<wasm_encoder::Function, EmitError> {
    Ok(emit_function_with(env, func, register, None)?.0)
}

/// [`emit_function`], recording in `marks` where the code of each op,
/// terminator and piece of frame starts; also returns the length of the
/// instructions the marks count in (including the final `end`).
pub fn emit_function_marked<'e>(
    env: &'e super::body::Env<'e>,
    func: &Function,
    register: Option<&Register>,
    marks: &mut Marks,
) -> Result<(wasm_encoder::Function, usize), EmitError> {
    emit_function_with(env, func, register, Some(marks))
}

fn emit_function_with<'e>(
    env: &'e super::body::Env<'e>,
    func: &Function,
    register: Option<&Register>,
    mut marks: Option<&mut Marks>,
) -> Result<(wasm_encoder::Function, usize), EmitError> {
    if let Some(m) = marks.as_mut() {
        m.push((0, CodePart::Frame));
    }
    let cfg = Cfg::new(func);
    if !cfg.reducible {
        return Err(EmitError::Irreducible(func.name.clone()));
    }
    let pool = super::float::pool_for(func);
    let float_loops = if pool > 0 { super::float::float_loops(func, &cfg) } else { Vec::new() };
    let slots = float_loops.iter().map(|l| l.depth).max().unwrap_or(0);
    let float_locals = if pool > 0 { super::float::float_locals(func) } else { Vec::new() };
    let v128 = super::vector::locals_for(func);
    // Fixed locals: loop slots, Forth locals, then data-stack slots, then
    // return-stack slots.
    let (body, rslot_base) = match register {
        Some(r) => {
            let inputs = r.effect.inputs;
            let rslot_base = 2 * func.n_loops + func.n_locals + stack_slots(r);
            let mut body = FnBody::with_params(env, inputs, rslot_base + max_rdepth(func, r))
                .with_float_cache(pool, slots)
                .with_float_locals(float_locals.len() as u32)
                .with_v128(v128);
            body.set_vstack((0..inputs).map(Val::Local).collect());
            (body, rslot_base)
        }
        None => {
            let mut body = FnBody::new(env, 2 * func.n_loops + func.n_locals)
                .with_float_cache(pool, slots)
                .with_float_locals(float_locals.len() as u32)
                .with_v128(v128);
            body.check_entry(true, sure_inputs(func));
            (body, 0)
        }
    };
    let mut st = Structurer {
        func,
        cfg,
        body,
        ctx: Vec::new(),
        register,
        rdepth: 0,
        rslot_base,
        float_loops,
        float_locals,
        marks,
    };
    st.do_tree(BlockId(0));
    // Every path has returned by now; a function with results must still
    // not fall off its end in the validator's eyes.
    st.mark(CodePart::Frame);
    st.body.s().unreachable();
    // `finish` adds the final `end`, one byte.
    let len = st.body.code_len() + 1;
    Ok((st.body.finish(), len))
}

impl Structurer<'_, '_> {
    /// The code from here on is for `part`.
    fn mark(&mut self, part: CodePart) {
        if let Some(m) = self.marks.as_mut() {
            m.push((self.body.code_len(), part));
        }
    }

    fn do_tree(&mut self, x: BlockId) {
        self.mark(CodePart::Frame);
        let mut merges: Vec<BlockId> =
            self.cfg.dom_children(x).into_iter().filter(|c| self.cfg.is_merge[c.index()]).collect();
        // Highest reverse-postorder number first: it becomes the outermost block.
        merges.reverse();
        if self.cfg.is_loop_header[x.index()] {
            self.body.s().loop_(BlockType::Empty);
            self.ctx.push(Ctx::LoopHeadedBy(x));
            if self.register.is_none() {
                self.body.check_overflow();
            }
            self.node_within(x, &merges);
            self.ctx.pop();
            self.mark(CodePart::Frame);
            self.body.s().end();
        } else {
            self.node_within(x, &merges);
        }
    }

    fn node_within(&mut self, x: BlockId, merges: &[BlockId]) {
        match merges.split_first() {
            Some((&y, rest)) => {
                self.body.s().block(BlockType::Empty);
                self.ctx.push(Ctx::BlockFollowedBy(y));
                self.node_within(x, rest);
                self.ctx.pop();
                self.mark(CodePart::Frame);
                self.body.s().end();
                self.do_tree(y);
            }
            None => self.emit_block(x),
        }
    }

    /// The slot local of stack position `k` (0 = the deepest input).
    fn slot(&self, k: u32) -> u32 {
        self.body.fixed_local(2 * self.func.n_loops + self.func.n_locals + k)
    }

    /// Number of stack items at the entry of block `b` (register convention).
    fn items_at(&self, b: BlockId) -> u32 {
        let r = self.register.expect("register convention");
        let d = r.depths[b.index()].expect("reachable blocks have a depth");
        (i64::from(r.effect.inputs) + d) as u32
    }

    /// A value that survives `leave_block`: moving the stack into its slots
    /// may overwrite a slot local that `v` still refers to, so such a value
    /// is copied to a temporary first.
    fn keep(&mut self, v: Val) -> Val {
        match v {
            Val::Local(_) if self.register.is_some() => {
                self.body.get(v);
                self.body.set_temp()
            }
            v => v,
        }
    }

    /// `+LOOP` with a constant step `c` (neither 0 nor the most negative
    /// number): steps the index and leaves the exit flag. The general test
    /// of the boundary crossing reduces to one unsigned compare of the
    /// distance from the limit: going up by `c`, the loop ends when the new
    /// index is less than `c` above the limit (`(new - limit) <u c`); going
    /// down, when the old index was less than `-c` above it.
    fn const_step_loop(&mut self, idx: u32, lim: u32, c: i32) {
        let s = &mut self.body.s();
        if c > 0 {
            s.local_get(idx).i32_const(c).i32_add().local_tee(idx).local_get(lim).i32_sub();
            s.i32_const(c).i32_lt_u();
        } else {
            s.local_get(idx).local_get(lim).i32_sub();
            s.local_get(idx).i32_const(c).i32_add().local_set(idx);
            s.i32_const(c.wrapping_neg()).i32_lt_u();
        }
    }

    /// Puts the stack where the convention wants it at a block boundary.
    fn leave_block(&mut self) {
        if self.register.is_none() {
            self.body.sync_out();
            return;
        }
        let items = self.body.vstack().to_vec();
        let moves: Vec<(u32, Val)> = items
            .iter()
            .enumerate()
            .map(|(k, &v)| (self.slot(k as u32), v))
            .filter(|&(slot, v)| v != Val::Local(slot))
            .collect();
        for &(_, v) in &moves {
            self.body.get(v);
        }
        for &(slot, _) in moves.iter().rev() {
            self.body.s().local_set(slot);
        }
        self.body.clear_vstack();
    }

    fn emit_block(&mut self, x: BlockId) {
        let block = &self.func.blocks[x.index()];
        if let Some(rd) = self.register.and_then(|r| r.rdepths.as_ref()) {
            self.rdepth = rd[x.index()].expect("reachable blocks have a return-stack depth");
        }
        if self.register.is_some() {
            if x != BlockId(0) {
                self.body.clear_vstack();
                self.body.reset_temps();
                let n = self.items_at(x);
                let slots = (0..n).map(|k| Val::Local(self.slot(k))).collect();
                self.body.set_vstack(slots);
            }
        } else {
            self.body.reset_temps();
        }
        let in_loop = self.float_loops.iter().find(|l| l.blocks.contains(&x)).map(|l| l.depth);
        if let Some(l) = self.float_loops.iter().find(|l| l.exits.contains(&x)) {
            super::float::store_slots(&mut self.body, l.depth);
        }
        if let Some(depth) = in_loop {
            super::float::enter_slots(&mut self.body, depth);
        }
        let tail = self.tail_call(x, in_loop.is_some());
        let n = block.ops.len() - usize::from(tail.is_some());
        super::float::expect_block(&mut self.body, &block.ops[..n]);
        let mut i = 0;
        while i < n {
            self.mark(CodePart::Op(x, i));
            match FloatLocalAccess::at(&self.float_locals, &block.ops[i..n]) {
                Some(access) => {
                    for j in 1..FloatLocalAccess::OPS {
                        self.mark(CodePart::Op(x, i + j));
                    }
                    access.emit(&mut self.body);
                    i += FloatLocalAccess::OPS;
                }
                None => {
                    self.emit_op(&block.ops[i]);
                    i += 1;
                }
            }
        }
        if let Some((f, e)) = tail {
            self.mark(CodePart::Op(x, n));
            self.body.flush_floats();
            if self.body.register_tail_call(f, e) {
                return;
            }
            self.emit_op(&block.ops[n]);
        }
        self.mark(CodePart::Term(x));
        // Floats cached in locals go back to memory (or to a loop's slots)
        // at every block end.
        match in_loop {
            Some(depth) => super::float::leave_slots(&mut self.body, depth),
            None => self.body.flush_floats(),
        }
        if let Some(l) = self.float_loops.iter().find(|l| l.pre == x) {
            super::float::load_slots(&mut self.body, l.depth);
        }
        match block.term {
            Term::Jump(t) => {
                self.leave_block();
                self.do_branch(x, t);
            }
            Term::Branch { nonzero, zero } => {
                let flag = self.body.pop();
                let flag = self.keep(flag);
                self.leave_block();
                match flag {
                    Val::Const(c) => self.do_branch(x, if c != 0 { nonzero } else { zero }),
                    v => {
                        self.body.get(v);
                        self.if_else(x, nonzero, zero);
                    }
                }
            }
            Term::QDo { lp, body, exit } => {
                self.leave_block();
                let (idx, lim) = self.loop_locals(lp.0);
                self.body.s().local_get(idx).local_get(lim).i32_eq();
                self.if_else(x, exit, body);
            }
            Term::Loop { lp, plus, body, exit } => {
                let (idx, lim) = self.loop_locals(lp.0);
                if plus {
                    // Exit when the index crosses the boundary between
                    // limit-1 and limit: ((old ^ new) & (old ^ step)) < 0,
                    // with old and new measured from the limit.
                    let step = self.body.pop();
                    let step = self.keep(step);
                    if let Val::Const(c) = step {
                        if c != 0 && c != i32::MIN {
                            self.leave_block();
                            self.const_step_loop(idx, lim, c);
                            self.if_else(x, exit, body);
                            return;
                        }
                    }
                    let step = self.body.materialize(step);
                    self.leave_block();
                    let old = self.body.temp();
                    let s = &mut self.body.s();
                    s.local_get(idx).local_get(lim).i32_sub().local_set(old);
                    s.local_get(idx).local_get(step).i32_add().local_set(idx);
                    s.local_get(old).local_get(old).local_get(step).i32_add().i32_xor();
                    s.local_get(old).local_get(step).i32_xor().i32_and().i32_const(0).i32_lt_s();
                } else {
                    self.leave_block();
                    let s = &mut self.body.s();
                    s.local_get(idx).i32_const(1).i32_add().local_tee(idx).local_get(lim).i32_eq();
                }
                self.if_else(x, exit, body);
            }
            Term::Return => match self.register {
                Some(r) => {
                    let items = self.body.vstack().to_vec();
                    debug_assert_eq!(items.len() as u32, r.effect.outputs, "{}: static effect", self.func.name);
                    for v in items {
                        self.body.get(v);
                    }
                    self.body.clear_vstack();
                    self.body.s().return_();
                }
                None => {
                    self.body.sync_out();
                    self.body.s().return_();
                }
            },
        }
    }

    /// The local holding return-stack position `k` (0 = the first pushed).
    fn rslot(&self, k: u32) -> u32 {
        self.body.fixed_local(self.rslot_base + k)
    }

    /// `>R` and friends on return-stack locals; false if not applicable.
    fn return_stack_op(&mut self, p: crate::primitives::Prim) -> bool {
        use crate::primitives::Prim::*;
        if self.register.is_none_or(|r| r.rdepths.is_none()) {
            return false;
        }
        let push_copy = |st: &mut Self, k: u32| {
            let l = st.rslot(k);
            st.body.s().local_get(l);
            let v = st.body.set_temp();
            st.body.push(v);
        };
        match p {
            ToR | TwoToR => {
                let n = if p == ToR { 1 } else { 2 };
                let vals: Vec<Val> = (0..n).map(|_| self.body.pop()).collect();
                for v in vals.into_iter().rev() {
                    let l = self.rslot(self.rdepth);
                    self.body.get(v);
                    self.body.s().local_set(l);
                    self.rdepth += 1;
                }
            }
            RFrom | RFetch => {
                push_copy(self, self.rdepth - 1);
                if p == RFrom {
                    self.rdepth -= 1;
                }
            }
            TwoRFrom | TwoRFetch => {
                push_copy(self, self.rdepth - 2);
                push_copy(self, self.rdepth - 1);
                if p == TwoRFrom {
                    self.rdepth -= 2;
                }
            }
            RDrop => self.rdepth -= 1,
            TwoRDrop => self.rdepth -= 2,
            _ => return false,
        }
        true
    }

    /// The call that ends block `x` when it can become a `return_call`: a
    /// direct call of a register-convention word, right before the return
    /// of a register-convention caller with the same results (or a jump
    /// through empty blocks to it), outside float-caching loops and with
    /// the return stack empty. (`FnBody::register_tail_call` checks the
    /// arguments.) What would follow the call is then never emitted: code
    /// after a `return_call` is unreachable.
    fn tail_call(&self, x: BlockId, in_loop: bool) -> Option<(u32, Effect)> {
        let r = self.register?;
        let block = &self.func.blocks[x.index()];
        if !crate::passes::tail_loop::returns(&self.func.blocks, &block.term) || in_loop || self.rdepth != 0 {
            return None;
        }
        let Some(Op::Call(xt)) = block.ops.last() else { return None };
        let &(f, e) = self.body.env.register.get(xt)?;
        (e.outputs == r.effect.outputs).then_some((f, e))
    }

    fn emit_op(&mut self, op: &Op) {
        if let Op::Prim(p) = *op {
            if self.return_stack_op(p) {
                return;
            }
        }
        match *op {
            Op::Lit(n) => self.body.push(Val::Const(n)),
            Op::Prim(p) => prim::emit(&mut self.body, p),
            Op::DivU(p) => prim::unsigned_divmod(&mut self.body, p),
            Op::AtOffset(p, offset) => prim::at_offset(&mut self.body, p, offset),
            Op::Call(xt) => self.body.call_word(xt),
            Op::FetchLit(a) => {
                self.body.s().i32_const(a as i32).i32_load(super::body::mem(0, 2));
                let v = self.body.set_temp();
                self.body.push(v);
            }
            Op::StoreLit(a) => {
                let v = self.body.pop();
                self.body.s().i32_const(a as i32);
                self.body.get(v);
                self.body.s().i32_store(super::body::mem(0, 2));
            }
            Op::DoInit(lp) => {
                let (idx, lim) = self.loop_locals(lp.0);
                let i = self.body.pop();
                let l = self.body.pop();
                self.body.get(i);
                self.body.s().local_set(idx);
                self.body.get(l);
                self.body.s().local_set(lim);
            }
            Op::LocalGet(l) => {
                // Copy, as for a loop index: `TO` may change the local later.
                let local = self.body.fixed_local(2 * self.func.n_loops + l.0);
                self.body.s().local_get(local);
                let v = self.body.set_temp();
                self.body.push(v);
            }
            Op::LocalSet(l) => {
                let local = self.body.fixed_local(2 * self.func.n_loops + l.0);
                let v = self.body.pop();
                self.body.get(v);
                self.body.s().local_set(local);
            }
            Op::Vector(ref v) => super::vector::emit(&mut self.body, v, self.func.n_loops),
            Op::Popcount => match self.body.pop() {
                Val::Const(c) => self.body.push(Val::Const(c.count_ones() as i32)),
                v => {
                    self.body.get(v);
                    self.body.s().i32_popcnt();
                    let t = self.body.set_temp();
                    self.body.push(t);
                }
            },
            Op::Select => {
                let c = self.body.pop();
                let b = self.body.pop();
                let a = self.body.pop();
                match c {
                    Val::Const(0) => self.body.push(b),
                    Val::Const(_) => self.body.push(a),
                    c => {
                        self.body.get(a);
                        self.body.get(b);
                        self.body.get(c);
                        self.body.s().select();
                        let t = self.body.set_temp();
                        self.body.push(t);
                    }
                }
            }
            Op::LoopIndex(lp) => {
                // Copy: the index local changes as the loop runs, and values
                // on the virtual stack must never change.
                let (idx, _) = self.loop_locals(lp.0);
                self.body.s().local_get(idx);
                let v = self.body.set_temp();
                self.body.push(v);
            }
            Op::LoopLimit(lp) => {
                let (_, lim) = self.loop_locals(lp.0);
                self.body.s().local_get(lim);
                let v = self.body.set_temp();
                self.body.push(v);
            }
        }
    }

    fn loop_locals(&self, lp: u32) -> (u32, u32) {
        (self.body.fixed_local(2 * lp), self.body.fixed_local(2 * lp + 1))
    }

    /// With a condition on the operand stack: `if (then_) else (else_) end`.
    fn if_else(&mut self, x: BlockId, then_: BlockId, else_: BlockId) {
        debug_assert!(self.register.is_some() || self.body.is_synced());
        self.body.s().if_(BlockType::Empty);
        self.ctx.push(Ctx::IfThenElse);
        self.do_branch(x, then_);
        self.mark(CodePart::Term(x));
        self.body.s().else_();
        self.do_branch(x, else_);
        self.ctx.pop();
        self.mark(CodePart::Term(x));
        self.body.s().end();
    }

    fn do_branch(&mut self, from: BlockId, to: BlockId) {
        if self.cfg.is_backward(from, to) {
            let depth = self.depth_of(Ctx::LoopHeadedBy(to));
            self.body.s().br(depth);
        } else if self.cfg.is_merge[to.index()] {
            let depth = self.depth_of(Ctx::BlockFollowedBy(to));
            self.body.s().br(depth);
        } else {
            self.do_tree(to);
        }
    }

    fn depth_of(&self, target: Ctx) -> u32 {
        let pos = self.ctx.iter().rposition(|&c| c == target).expect("structured emission: branch target is in scope");
        (self.ctx.len() - 1 - pos) as u32
    }
}
