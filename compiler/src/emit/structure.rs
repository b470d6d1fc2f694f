//! Structured emission of a definition's control-flow graph.
//!
//! Follows Norman Ramsey, "Beyond Relooper: Recursive Translation of
//! Unstructured Control Flow to Structured Control Flow" (ICFP 2022): walk
//! the dominator tree; a loop header becomes a wasm `loop`; each merge node
//! becomes the code after a `block` that encloses its dominator's code, with
//! the highest-numbered merge node outermost; every other forward edge is
//! emitted inline.
//!
//! Needs: a verified [`Function`] whose reachable graph is reducible (the
//! control words of Forth 2012 only make reducible graphs unless `CS-ROLL`
//! is abused; those get [`EmitError::Irreducible`]).
//! Guarantees: every reachable block is emitted exactly once, and every path
//! ends in `return` after publishing `sp`.

use wasm_encoder::BlockType;

use super::body::{FnBody, Val};
use super::prim;
use crate::cfg::Cfg;
use crate::ir::{BlockId, Function, Op, Term};

/// Why a function could not be emitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmitError {
    /// The control flow has a loop with two entries.
    Irreducible(String),
}

impl std::fmt::Display for EmitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmitError::Irreducible(name) => write!(f, "{name}: control flow enters a loop in two places, which this compiler cannot express"),
        }
    }
}

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
}

/// Emits `func` as a wasm function body of the word type.
pub fn emit_function<'e>(
    env: &'e super::body::Env<'e>,
    func: &Function,
) -> Result<wasm_encoder::Function, EmitError> {
    let cfg = Cfg::new(func);
    if !cfg.reducible {
        return Err(EmitError::Irreducible(func.name.clone()));
    }
    let mut body = FnBody::new(env, 2 * func.n_loops);
    body.check_overflow();
    let mut st = Structurer {
        func,
        cfg,
        body,
        ctx: Vec::new(),
    };
    st.do_tree(BlockId(0));
    Ok(st.body.finish())
}

impl Structurer<'_, '_> {
    fn do_tree(&mut self, x: BlockId) {
        let mut merges: Vec<BlockId> = self
            .cfg
            .dom_children(x)
            .into_iter()
            .filter(|c| self.cfg.is_merge[c.index()])
            .collect();
        // Highest reverse-postorder number first: it becomes the outermost block.
        merges.reverse();
        if self.cfg.is_loop_header[x.index()] {
            self.body.s().loop_(BlockType::Empty);
            self.ctx.push(Ctx::LoopHeadedBy(x));
            self.body.check_overflow();
            self.node_within(x, &merges);
            self.ctx.pop();
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
                self.body.s().end();
                self.do_tree(y);
            }
            None => self.emit_block(x),
        }
    }

    fn emit_block(&mut self, x: BlockId) {
        let block = &self.func.blocks[x.index()];
        self.body.reset_temps();
        for op in &block.ops {
            self.emit_op(op);
        }
        match block.term {
            Term::Jump(t) => {
                self.body.flush();
                self.do_branch(x, t);
            }
            Term::Branch { nonzero, zero } => {
                let flag = self.body.pop();
                self.body.flush();
                match flag {
                    Val::Const(c) => self.do_branch(x, if c != 0 { nonzero } else { zero }),
                    v => {
                        self.body.get(v);
                        self.if_else(x, nonzero, zero);
                    }
                }
            }
            Term::QDo { lp, body, exit } => {
                self.body.flush();
                let (idx, lim) = self.loop_locals(lp.0);
                self.body.s().local_get(idx).local_get(lim).i32_eq();
                self.if_else(x, exit, body);
            }
            Term::Loop {
                lp,
                plus,
                body,
                exit,
            } => {
                let (idx, lim) = self.loop_locals(lp.0);
                if plus {
                    // Exit when the index crosses the boundary between
                    // limit-1 and limit: ((old ^ new) & (old ^ step)) < 0,
                    // with old and new measured from the limit.
                    let step = self.body.pop_local();
                    self.body.flush();
                    let old = self.body.temp();
                    let s = &mut self.body.s();
                    s.local_get(idx).local_get(lim).i32_sub().local_set(old);
                    s.local_get(idx).local_get(step).i32_add().local_set(idx);
                    s.local_get(old)
                        .local_get(old)
                        .local_get(step)
                        .i32_add()
                        .i32_xor();
                    s.local_get(old)
                        .local_get(step)
                        .i32_xor()
                        .i32_and()
                        .i32_const(0)
                        .i32_lt_s();
                } else {
                    self.body.flush();
                    let s = &mut self.body.s();
                    s.local_get(idx)
                        .i32_const(1)
                        .i32_add()
                        .local_tee(idx)
                        .local_get(lim)
                        .i32_eq();
                }
                self.if_else(x, exit, body);
            }
            Term::Return => {
                self.body.sync_out();
                self.body.s().return_();
            }
        }
    }

    fn emit_op(&mut self, op: &Op) {
        match *op {
            Op::Lit(n) => self.body.push(Val::Const(n)),
            Op::Prim(p) => prim::emit(&mut self.body, p),
            Op::Call(xt) => self.body.call_word(xt),
            Op::FetchLit(a) => {
                self.body
                    .s()
                    .i32_const(a as i32)
                    .i32_load(super::body::mem(0, 2));
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
            Op::LoopIndex(lp) => {
                // Copy: the index local changes as the loop runs, and values
                // on the virtual stack must never change.
                let (idx, _) = self.loop_locals(lp.0);
                self.body.s().local_get(idx);
                let v = self.body.set_temp();
                self.body.push(v);
            }
        }
    }

    fn loop_locals(&self, lp: u32) -> (u32, u32) {
        (
            self.body.fixed_local(2 * lp),
            self.body.fixed_local(2 * lp + 1),
        )
    }

    /// With a condition on the operand stack: `if (then_) else (else_) end`.
    fn if_else(&mut self, x: BlockId, then_: BlockId, else_: BlockId) {
        debug_assert!(self.body.is_synced());
        self.body.s().if_(BlockType::Empty);
        self.ctx.push(Ctx::IfThenElse);
        self.do_branch(x, then_);
        self.body.s().else_();
        self.do_branch(x, else_);
        self.ctx.pop();
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
        let pos = self
            .ctx
            .iter()
            .rposition(|&c| c == target)
            .expect("structured emission: branch target is in scope");
        (self.ctx.len() - 1 - pos) as u32
    }
}
