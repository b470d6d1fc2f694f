//! A definition under construction, and the control-flow stack.
//!
//! The control words (`IF`, `BEGIN`, `DO`, …) call the methods here. Each
//! builds the control-flow graph directly: an *orig* is a block whose
//! terminator has one [`BlockId::PENDING`] target, a *dest* is a block a
//! backward branch may target. `ELSE`, `WHILE` and `REPEAT` are expressed with
//! `CS-ROLL` exactly as the standard defines them, so user code that uses
//! `CS-PICK` and `CS-ROLL` builds the same shapes.
//!
//! The control-flow stack also carries which locals are visible where a
//! branch leaves, so that joins can end the locals declared on one side
//! only (gforth's scoping, described in `locals/scope.rs`).
//!
//! As in gforth, the control-flow stack *is* the data stack: each entry is
//! three cells there (see `control_stack.rs`), the entry itself is kept in
//! [`Definition::items`], and a control word works on [`Definition::cf`],
//! the entries loaded from the top of the data stack for it.
//!
//! `LEAVE` and `?LEAVE` branches are resolved by position, like gforth's
//! leave stack: a loop's end, or gforth's `DONE`, takes every pending leave
//! compiled since the loop or the given entry began. Block ids grow with
//! the position in the source, so the position of a leave is its block.
//!
//! Guarantee: once [`Definition::check_closed`] passes, [`Definition::finish`]
//! returns a function with no pending targets; a half-built graph never
//! leaves this module.

use crate::host_words::HostWord;
use crate::ir::{Block, BlockId, Function, LocalId, LoopId, Op, Term, Xt};
use crate::kernel::host_xt;
use crate::locals::scope::{common_prefix, Access, Kind, Local, Origin};
use crate::primitives::Prim;
use crate::source_map::{SourceMap, TokenTrace};

/// An entry of the control-flow stack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cf {
    /// A forward branch to resolve: the block whose terminator is pending,
    /// and the locals visible where it leaves.
    Orig(BlockId, Origin),
    /// A backward branch target.
    Dest(BlockId),
    /// An open `DO` loop (index into the loop stack).
    Do(usize),
    /// An open `CASE`, with the `ENDOF` branches to resolve at `ENDCASE`.
    Case(Vec<(BlockId, Origin)>),
    /// An open `SCOPE`, with the locals visible where it began.
    Scope(Vec<Local>),
}

/// Why a control word could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CfError {
    /// The control-flow stack does not hold what the word needs.
    Mismatch(&'static str),
    /// `I`, `J` or `LEAVE` outside a loop.
    NoLoop(&'static str),
    /// A `LEAVE` or `?LEAVE` that no loop end or `DONE` resolved by `;`.
    LeaveOpen(&'static str),
}

impl Cf {
    /// The entry's tag on the data stack: gforth's numbers for its kinds
    /// (live orig 1, dead orig 2, dest 3, do-sys 4, scope 5), and 6 for a
    /// case-sys.
    pub fn tag(&self) -> i32 {
        match self {
            Cf::Orig(_, Some(_)) => 1,
            Cf::Orig(_, None) => 2,
            Cf::Dest(_) => 3,
            Cf::Do(_) => 4,
            Cf::Scope(_) => 5,
            Cf::Case(_) => 6,
        }
    }
}

#[derive(Debug)]
struct LoopCtx {
    lp: LoopId,
    body: BlockId,
    /// The first block of the loop's construct: leaves from here on are its.
    start: BlockId,
}

/// A colon definition (or one part of one) being compiled.
#[derive(Debug)]
pub struct Definition {
    /// The function being built.
    pub func: Function,
    cur: BlockId,
    /// The control-flow entries a control word works on, loaded from the
    /// top of the data stack (see `control_stack.rs`).
    pub cf: Vec<Cf>,
    /// Every control-flow entry made so far; a data-stack entry holds an
    /// index into it.
    pub items: Vec<Cf>,
    loops: Vec<LoopCtx>,
    /// `LEAVE` and `?LEAVE` branches not yet resolved, in source order.
    leaves: Vec<(BlockId, Origin)>,
    /// Whether a `BEGIN` has been compiled (a `LEAVE` outside `DO` is then
    /// allowed, for gforth's `DONE`).
    begun: bool,
    /// Blocks that end in a gforth `FORK`: a call of the code at their zero
    /// target, then on to their non-zero target (see `fork.rs`).
    pub forks: Vec<BlockId>,
    /// Loops `UNLOOP` has discarded on the current straight-line path (before
    /// its `EXIT`); `I` and `J` skip them.
    unlooped: usize,
    /// The visible locals, oldest first; a later one shadows an earlier one
    /// of the same name.
    locals: Vec<Local>,
    /// Whether the code being compiled is unreachable (after `AHEAD`,
    /// `AGAIN`, `EXIT`, `LEAVE`), which decides what a join keeps visible.
    dead: bool,
    /// The wasm local holding the address of the frame of address locals,
    /// once one is declared.
    frame_base: Option<LocalId>,
    /// Bytes of the frame.
    frame_size: u32,
    /// The wasm local keeping `OUTFILE-ID` as it was at entry, once the
    /// definition has used gforth's `>STDERR`.
    saved_outfile: Option<LocalId>,
    /// Names given to `(LOCAL)` since the last "last local" message.
    pub pending_locals: Vec<String>,
    /// The tokens each op and block end came from, for a definition of
    /// the program (see `source_map.rs`).
    pub tokens: Option<Box<TokenTrace>>,
}

impl Definition {
    /// An empty definition for `xt`.
    pub fn new(xt: Xt, name: String) -> Self {
        let func =
            Function { xt, name, blocks: vec![Block { ops: Vec::new(), term: Term::Return }], n_loops: 0, n_locals: 0 };
        Definition {
            func,
            cur: BlockId(0),
            cf: Vec::new(),
            items: Vec::new(),
            loops: Vec::new(),
            leaves: Vec::new(),
            begun: false,
            forks: Vec::new(),
            unlooped: 0,
            locals: Vec::new(),
            dead: false,
            frame_base: None,
            frame_size: 0,
            saved_outfile: None,
            pending_locals: Vec::new(),
            tokens: None,
        }
    }

    /// Declares a cell local named `name`; it is found from now on.
    pub fn declare_local(&mut self, name: &str) -> LocalId {
        let id = self.new_slot();
        self.declare(name, Access::Cell(id));
        id
    }

    /// A fresh wasm local of the function, not yet named.
    pub fn new_slot(&mut self) -> LocalId {
        let id = LocalId(self.func.n_locals);
        self.func.n_locals += 1;
        id
    }

    /// Fresh storage for a local of `kind` in the frame, aligned to its size.
    pub fn new_frame_slot(&mut self, kind: Kind) -> Access {
        let base = match self.frame_base {
            Some(b) => b,
            None => {
                let b = self.new_slot();
                self.frame_base = Some(b);
                b
            }
        };
        let align = kind.size();
        let offset = self.frame_size.div_ceil(align) * align;
        self.frame_size = offset + kind.size();
        Access::Addr { base, offset, kind }
    }

    /// Bytes of frame storage declared so far.
    pub fn frame_size(&self) -> u32 {
        self.frame_size
    }

    /// Makes `name` stand for `access` from now on.
    pub fn declare(&mut self, name: &str, access: Access) {
        self.locals.push(Local { name: name.to_ascii_uppercase(), access });
    }

    /// The visible locals, oldest first.
    pub fn visible_locals(&self) -> &[Local] {
        &self.locals
    }

    /// The newest visible local named `name`, ignoring case.
    pub fn find_local(&self, name: &str) -> Option<Access> {
        if self.locals.is_empty() {
            return None;
        }
        let key = name.to_ascii_uppercase();
        self.locals.iter().rev().find(|l| l.name == key).map(|l| l.access)
    }

    /// The locals visible where a forward branch leaves from here.
    fn origin(&self) -> Origin {
        (!self.dead).then(|| self.locals.clone())
    }

    /// A forward branch that left with `origin` joins the code here.
    fn join(&mut self, origin: Origin) {
        let Some(seen) = origin else { return };
        if self.dead {
            self.locals = seen;
            self.dead = false;
        } else {
            let keep = common_prefix(&self.locals, &seen);
            self.locals.truncate(keep);
        }
    }

    /// A backward-branch target begins here: reached only by its back edge
    /// after unreachable code, it sees no locals (as in gforth).
    fn begin_like(&mut self) {
        if self.dead {
            self.locals.clear();
            self.dead = false;
        }
    }

    /// Appends an op to the current block.
    pub fn op(&mut self, op: Op) {
        let ops = &mut self.func.blocks[self.cur.index()].ops;
        ops.push(op);
        if let Some(t) = self.tokens.as_mut() {
            t.note_op(self.cur.index(), ops.len() - 1);
        }
    }

    /// The last op of the current block, if any.
    pub fn last_op(&self) -> Option<&Op> {
        self.func.blocks[self.cur.index()].ops.last()
    }

    /// Removes the last op of the current block.
    pub fn pop_op(&mut self) -> Option<Op> {
        self.func.blocks[self.cur.index()].ops.pop()
    }

    fn new_block(&mut self) -> BlockId {
        self.func.blocks.push(Block { ops: Vec::new(), term: Term::Return });
        BlockId(self.func.blocks.len() as u32 - 1)
    }

    /// Ends the current block with `term` and continues in a fresh block.
    fn end_block(&mut self, term: Term) -> (BlockId, BlockId) {
        let from = self.cur;
        self.func.blocks[from.index()].term = term;
        if let Some(t) = self.tokens.as_mut() {
            t.note_term(from.index());
        }
        self.cur = self.new_block();
        self.unlooped = 0;
        (from, self.cur)
    }

    /// Ends the current block with a jump to a fresh block and continues there.
    fn fall_into_new(&mut self) -> BlockId {
        let n = self.new_block();
        self.func.blocks[self.cur.index()].term = Term::Jump(n);
        if let Some(t) = self.tokens.as_mut() {
            t.note_term(self.cur.index());
        }
        self.cur = n;
        self.unlooped = 0;
        n
    }

    fn resolve(&mut self, orig: BlockId, target: BlockId) {
        for slot in self.func.blocks[orig.index()].term.successors_mut() {
            if *slot == BlockId::PENDING {
                *slot = target;
                return;
            }
        }
    }

    fn pop_orig(&mut self, word: &'static str) -> Result<(BlockId, Origin), CfError> {
        match self.cf.pop() {
            Some(Cf::Orig(b, o)) => Ok((b, o)),
            Some(other) => {
                self.cf.push(other);
                Err(CfError::Mismatch(word))
            }
            None => Err(CfError::Mismatch(word)),
        }
    }

    fn pop_dest(&mut self, word: &'static str) -> Result<BlockId, CfError> {
        match self.cf.pop() {
            Some(Cf::Dest(b)) => Ok(b),
            Some(other) => {
                self.cf.push(other);
                Err(CfError::Mismatch(word))
            }
            None => Err(CfError::Mismatch(word)),
        }
    }

    /// `IF`: pops a flag at run time; the orig is taken when it is zero.
    pub fn if_(&mut self) {
        let next = BlockId(self.func.blocks.len() as u32);
        let origin = self.origin();
        let (from, _) = self.end_block(Term::Branch { nonzero: next, zero: BlockId::PENDING });
        self.cf.push(Cf::Orig(from, origin));
    }

    /// `AHEAD`: an unconditional forward branch.
    pub fn ahead(&mut self) {
        let origin = self.origin();
        let (from, _) = self.end_block(Term::Jump(BlockId::PENDING));
        self.cf.push(Cf::Orig(from, origin));
        self.dead = true;
    }

    /// `THEN`: resolves the orig on top.
    pub fn then(&mut self) -> Result<(), CfError> {
        let (orig, origin) = self.pop_orig("THEN")?;
        let n = self.fall_into_new();
        self.resolve(orig, n);
        self.join(origin);
        Ok(())
    }

    /// `ELSE`: `AHEAD 1 CS-ROLL THEN`.
    pub fn else_(&mut self) -> Result<(), CfError> {
        if !matches!(self.cf.last(), Some(Cf::Orig(..))) {
            return Err(CfError::Mismatch("ELSE"));
        }
        self.ahead();
        self.cs_roll(1)?;
        self.then()
    }

    /// `BEGIN`: a dest.
    pub fn begin(&mut self) {
        let n = self.fall_into_new();
        self.begin_like();
        self.begun = true;
        self.cf.push(Cf::Dest(n));
    }

    /// `UNTIL`: back to the dest while the flag is zero.
    pub fn until(&mut self) -> Result<(), CfError> {
        let dest = self.pop_dest("UNTIL")?;
        let next = BlockId(self.func.blocks.len() as u32);
        self.end_block(Term::Branch { nonzero: next, zero: dest });
        Ok(())
    }

    /// `AGAIN`: back to the dest.
    pub fn again(&mut self) -> Result<(), CfError> {
        let dest = self.pop_dest("AGAIN")?;
        self.end_block(Term::Jump(dest));
        self.dead = true;
        Ok(())
    }

    /// `WHILE`: `IF 1 CS-ROLL`.
    pub fn while_(&mut self) -> Result<(), CfError> {
        if !matches!(self.cf.last(), Some(Cf::Dest(_))) {
            return Err(CfError::Mismatch("WHILE"));
        }
        self.if_();
        self.cs_roll(1)
    }

    /// `REPEAT`: `AGAIN THEN`.
    pub fn repeat(&mut self) -> Result<(), CfError> {
        self.again()?;
        self.then().map_err(|_| CfError::Mismatch("REPEAT"))
    }

    /// `CS-PICK`: copies the u-th entry (orig or dest) to the top.
    pub fn cs_pick(&mut self, u: usize) -> Result<(), CfError> {
        let n = self.cf.len();
        let item = self.cf.get(n.wrapping_sub(1 + u)).cloned().ok_or(CfError::Mismatch("CS-PICK"))?;
        self.cf.push(item);
        Ok(())
    }

    /// `CS-ROLL`: moves the u-th entry to the top.
    pub fn cs_roll(&mut self, u: usize) -> Result<(), CfError> {
        let n = self.cf.len();
        if u >= n {
            return Err(CfError::Mismatch("CS-ROLL"));
        }
        let item = self.cf.remove(n - 1 - u);
        self.cf.push(item);
        Ok(())
    }

    fn new_loop(&mut self, body: BlockId, start: BlockId) -> usize {
        let lp = LoopId(self.func.n_loops);
        self.func.n_loops += 1;
        self.loops.push(LoopCtx { lp, body, start });
        self.loops.len() - 1
    }

    /// `DO` (or `?DO` with `skip_if_equal`): pops limit and index.
    pub fn do_(&mut self, skip_if_equal: bool) {
        let lp = LoopId(self.func.n_loops);
        self.op(Op::DoInit(lp));
        let idx = if skip_if_equal {
            let origin = self.origin();
            let body = BlockId(self.func.blocks.len() as u32);
            let (from, body) = self.end_block(Term::QDo { lp, body, exit: BlockId::PENDING });
            self.leaves.push((from, origin));
            self.new_loop(body, from)
        } else {
            let body = self.fall_into_new();
            self.new_loop(body, body)
        };
        self.begin_like();
        self.cf.push(Cf::Do(idx));
    }

    /// `LOOP` or `+LOOP`.
    pub fn loop_(&mut self, plus: bool) -> Result<(), CfError> {
        let ctx = self.pop_do(if plus { "+LOOP" } else { "LOOP" })?;
        self.close_loop(ctx, plus);
        Ok(())
    }

    fn pop_do(&mut self, word: &'static str) -> Result<LoopCtx, CfError> {
        match self.cf.pop() {
            Some(Cf::Do(i)) if i + 1 == self.loops.len() => {
                Ok(self.loops.pop().expect("a Do entry has its loop context"))
            }
            Some(other) => {
                self.cf.push(other);
                Err(CfError::Mismatch(word))
            }
            None => Err(CfError::Mismatch(word)),
        }
    }

    /// Ends a loop with its `Loop` terminator and resolves every exit.
    fn close_loop(&mut self, ctx: LoopCtx, plus: bool) {
        let (from, exit) = self.end_block(Term::Loop { lp: ctx.lp, plus, body: ctx.body, exit: BlockId::PENDING });
        self.resolve(from, exit);
        self.join_leaves(ctx.start, exit);
    }

    /// Resolves every pending leave compiled at or after `since` to `exit`.
    fn join_leaves(&mut self, since: BlockId, exit: BlockId) {
        let (taken, kept): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.leaves).into_iter().partition(|&(b, _)| b >= since);
        self.leaves = kept;
        for (leave, origin) in taken {
            self.resolve(leave, exit);
            self.join(origin);
        }
    }

    /// gforth's `DONE`: resolves, to here, every `LEAVE` and `?LEAVE`
    /// compiled since the entry on top (normally a `BEGIN`'s dest) began.
    pub fn done(&mut self) -> Result<(), CfError> {
        let since = match self.cf.pop() {
            Some(Cf::Dest(b)) | Some(Cf::Orig(b, _)) => b,
            Some(other) => {
                self.cf.push(other);
                return Err(CfError::Mismatch("DONE"));
            }
            None => return Err(CfError::Mismatch("DONE")),
        };
        let here = self.fall_into_new();
        self.join_leaves(since, here);
        Ok(())
    }

    /// gforth's `POSTPONE call >MARK`, the `FORK` of its regexp.fs: an orig
    /// whose resolution (`THEN`, there `JOIN`) is the start of a subroutine
    /// called here; after it returns, the code goes on here.
    pub fn fork(&mut self) {
        let origin = self.origin();
        let next = BlockId(self.func.blocks.len() as u32);
        let (from, _) = self.end_block(Term::Branch { nonzero: next, zero: BlockId::PENDING });
        self.forks.push(from);
        self.cf.push(Cf::Orig(from, origin));
    }

    /// Whether a `LEAVE` can be resolved here: inside a loop, or after a
    /// `BEGIN` for gforth's `DONE`.
    fn can_leave(&self) -> bool {
        !self.loops.is_empty() || self.begun
    }

    /// gforth's guarded `DO`s (`+DO`, `-DO`, `U+DO`, `U-DO`): pops limit and
    /// index and enters the loop only if `enter` ( limit index -- flag ) is
    /// true; otherwise the pair is dropped and the loop skipped, exactly like
    /// a `LEAVE` before the first iteration. The loop itself is an ordinary
    /// counted loop, so every pass that knows `DO` knows these too.
    pub fn do_guarded(&mut self, enter: Prim) {
        self.op(Op::Prim(Prim::TwoDup));
        self.op(Op::Prim(enter));
        let origin = self.origin();
        let next = BlockId(self.func.blocks.len() as u32);
        let (test, _) = self.end_block(Term::Branch { nonzero: next, zero: BlockId::PENDING });
        let skip = self.new_block();
        self.func.blocks[skip.index()] =
            Block { ops: vec![Op::Prim(Prim::TwoDrop)], term: Term::Jump(BlockId::PENDING) };
        self.resolve(test, skip);
        let lp = LoopId(self.func.n_loops);
        self.op(Op::DoInit(lp));
        let body = self.fall_into_new();
        let idx = self.new_loop(body, test);
        self.leaves.push((skip, origin));
        self.begin_like();
        self.cf.push(Cf::Do(idx));
    }

    /// gforth's `FOR`: a loop from u down to 0, run u+1 times (`0 SWAP DO`,
    /// closed by `NEXT`, which is `-1 +LOOP`).
    pub fn for_(&mut self) {
        self.op(Op::Lit(0));
        self.op(Op::Prim(Prim::Swap));
        self.do_(false);
    }

    /// gforth's `NEXT`: `-1 +LOOP`.
    pub fn next_(&mut self) -> Result<(), CfError> {
        let ctx = self.pop_do("NEXT")?;
        self.op(Op::Lit(-1));
        self.close_loop(ctx, true);
        Ok(())
    }

    /// gforth's `-LOOP` ( u -- ): leaves the loop when the index minus the
    /// limit, as an unsigned number, is at most u; otherwise steps the index
    /// down by u. The step is a `+LOOP` of -u, which cannot cross the limit
    /// once that test has passed.
    pub fn minus_loop(&mut self) -> Result<(), CfError> {
        let ctx = self.pop_do("-LOOP")?;
        for op in [Op::Prim(Prim::Dup), Op::LoopIndex(ctx.lp), Op::LoopLimit(ctx.lp)] {
            self.op(op);
        }
        for p in [Prim::Sub, Prim::Swap, Prim::UGt] {
            self.op(Op::Prim(p));
        }
        let next = BlockId(self.func.blocks.len() as u32);
        let (test, _) = self.end_block(Term::Branch { nonzero: next, zero: BlockId::PENDING });
        self.op(Op::Prim(Prim::Negate));
        let (from, stop) =
            self.end_block(Term::Loop { lp: ctx.lp, plus: true, body: ctx.body, exit: BlockId::PENDING });
        self.resolve(test, stop);
        self.op(Op::Prim(Prim::Drop));
        let exit = self.fall_into_new();
        self.resolve(from, exit);
        self.join_leaves(ctx.start, exit);
        Ok(())
    }

    /// gforth's `?DUP-IF` (`?DUP IF` with a static stack effect: the flag is
    /// duplicated, and the branch taken on zero drops the copy).
    pub fn dup_if(&mut self) {
        let origin = self.origin();
        self.op(Op::Prim(Prim::Dup));
        let next = BlockId(self.func.blocks.len() as u32);
        let (test, _) = self.end_block(Term::Branch { nonzero: next, zero: BlockId::PENDING });
        let zero = self.new_block();
        self.func.blocks[zero.index()] = Block { ops: vec![Op::Prim(Prim::Drop)], term: Term::Jump(BlockId::PENDING) };
        self.resolve(test, zero);
        self.cf.push(Cf::Orig(zero, origin));
    }

    /// gforth's `?DUP-0=-IF` (`?DUP 0= IF`): the body runs on zero, which it
    /// drops; a non-zero x stays for the code after the orig.
    pub fn dup_zero_if(&mut self) {
        let origin = self.origin();
        self.op(Op::Prim(Prim::Dup));
        let next = BlockId(self.func.blocks.len() as u32);
        let (test, _) = self.end_block(Term::Branch { nonzero: BlockId::PENDING, zero: next });
        self.op(Op::Prim(Prim::Drop));
        self.cf.push(Cf::Orig(test, origin));
    }

    /// gforth's `?LEAVE` (`IF LEAVE THEN`).
    pub fn leave_if(&mut self) -> Result<(), CfError> {
        if !self.can_leave() {
            return Err(CfError::NoLoop("?LEAVE"));
        }
        let origin = self.origin();
        let next = BlockId(self.func.blocks.len() as u32);
        let (from, _) = self.end_block(Term::Branch { nonzero: BlockId::PENDING, zero: next });
        self.leaves.push((from, origin));
        Ok(())
    }

    /// gforth's `?EXIT` (`IF EXIT THEN`).
    pub fn exit_if(&mut self) {
        let next = BlockId(self.func.blocks.len() as u32);
        let (from, _) = self.end_block(Term::Branch { nonzero: BlockId::PENDING, zero: next });
        let ret = self.new_block();
        self.resolve(from, ret);
    }

    /// `LEAVE`.
    pub fn leave(&mut self) -> Result<(), CfError> {
        if !self.can_leave() {
            return Err(CfError::NoLoop("LEAVE"));
        }
        let origin = self.origin();
        let (from, _) = self.end_block(Term::Jump(BlockId::PENDING));
        self.leaves.push((from, origin));
        self.dead = true;
        Ok(())
    }

    /// `I` (depth 0) or `J` (depth 1). Outside every `DO` loop, `I` is
    /// `R@`, as in gforth, where a loop's index is the top of the return
    /// stack (Starting Forth uses `>R ... I ... R>` so).
    pub fn loop_index(&mut self, depth: usize, word: &'static str) -> Result<(), CfError> {
        if self.loops.is_empty() && depth == 0 {
            self.op(Op::Prim(Prim::RFetch));
            return Ok(());
        }
        let lp = self.enclosing_loop(depth, word)?;
        self.op(Op::LoopIndex(lp));
        Ok(())
    }

    /// gforth's `I'`: the innermost loop's limit; outside every `DO` loop,
    /// the second item of the return stack, where a loop keeps its limit.
    pub fn loop_limit(&mut self, word: &'static str) -> Result<(), CfError> {
        if self.loops.is_empty() {
            self.op(Op::Prim(Prim::TwoRFetch));
            self.op(Op::Prim(Prim::Drop));
            return Ok(());
        }
        let lp = self.enclosing_loop(0, word)?;
        self.op(Op::LoopLimit(lp));
        Ok(())
    }

    /// The loop `depth` levels out from the innermost one `word` can see.
    fn enclosing_loop(&self, depth: usize, word: &'static str) -> Result<LoopId, CfError> {
        let n = self.loops.len();
        Ok(self.loops.get(n.wrapping_sub(1 + depth + self.unlooped)).ok_or(CfError::NoLoop(word))?.lp)
    }

    /// `UNLOOP`: the loop's slots stay, but `I` and `J` now see outer loops
    /// until the path ends (normally at the `EXIT` that follows).
    pub fn unloop(&mut self) -> Result<(), CfError> {
        if self.unlooped >= self.loops.len() {
            return Err(CfError::NoLoop("UNLOOP"));
        }
        self.unlooped += 1;
        Ok(())
    }

    /// `EXIT`.
    pub fn exit(&mut self) {
        self.end_block(Term::Return);
        self.dead = true;
    }

    /// `CASE`.
    pub fn case(&mut self) {
        self.cf.push(Cf::Case(Vec::new()));
    }

    /// `OF`: `OVER = IF DROP`.
    pub fn of(&mut self) -> Result<(), CfError> {
        if !matches!(self.cf.last(), Some(Cf::Case(_))) {
            return Err(CfError::Mismatch("OF"));
        }
        self.op(Op::Prim(crate::primitives::Prim::Over));
        self.op(Op::Prim(crate::primitives::Prim::Eq));
        self.if_();
        self.op(Op::Prim(crate::primitives::Prim::Drop));
        Ok(())
    }

    /// `ENDOF`: jump to the end of the `CASE`, and resolve the `OF`.
    pub fn endof(&mut self) -> Result<(), CfError> {
        let (of, of_origin) = self.pop_orig("ENDOF")?;
        let origin = self.origin();
        let (from, next) = self.end_block(Term::Jump(BlockId::PENDING));
        match self.cf.last_mut() {
            Some(Cf::Case(endofs)) => endofs.push((from, origin)),
            _ => return Err(CfError::Mismatch("ENDOF")),
        }
        self.resolve(of, next);
        self.dead = true;
        self.join(of_origin);
        Ok(())
    }

    /// `ENDCASE`: drop the selector and resolve every `ENDOF`.
    pub fn endcase(&mut self) -> Result<(), CfError> {
        let endofs = match self.cf.pop() {
            Some(Cf::Case(e)) => e,
            Some(other) => {
                self.cf.push(other);
                return Err(CfError::Mismatch("ENDCASE"));
            }
            None => return Err(CfError::Mismatch("ENDCASE")),
        };
        self.op(Op::Prim(crate::primitives::Prim::Drop));
        let n = self.fall_into_new();
        for (e, origin) in endofs {
            self.resolve(e, n);
            self.join(origin);
        }
        Ok(())
    }

    /// `SCOPE`: locals declared from here to `ENDSCOPE` end there.
    pub fn scope(&mut self) {
        self.cf.push(Cf::Scope(self.locals.clone()));
    }

    /// `ENDSCOPE`: ends the `SCOPE` on top.
    pub fn endscope(&mut self) -> Result<(), CfError> {
        match self.cf.pop() {
            Some(Cf::Scope(seen)) => {
                let keep = common_prefix(&self.locals, &seen);
                self.locals.truncate(keep);
                Ok(())
            }
            Some(other) => {
                self.cf.push(other);
                Err(CfError::Mismatch("ENDSCOPE"))
            }
            None => Err(CfError::Mismatch("ENDSCOPE")),
        }
    }

    /// Checks that the definition can end (`;` or `DOES>`): no control-flow
    /// entry is left on the stack, no loop is open, and no branch (an orig
    /// kept elsewhere, a `LEAVE` no loop or `DONE` took) is unresolved.
    pub fn check_closed(&self, word: &'static str) -> Result<(), CfError> {
        if self.loops.is_empty() && !self.leaves.is_empty() {
            return Err(CfError::LeaveOpen(word));
        }
        let pending = self.func.blocks.iter().any(|b| b.term.successors().contains(&BlockId::PENDING));
        if self.cf.is_empty() && self.loops.is_empty() && !pending {
            Ok(())
        } else {
            Err(CfError::Mismatch(word))
        }
    }

    /// gforth's `>STDERR`: what the definition displays from here until it
    /// returns goes to `STDERR`. gforth does this by moving its caller's
    /// return address; here the definition keeps `OUTFILE-ID` as it was at
    /// entry and restores it before every return (see [`Self::finish`]).
    pub fn redirect_to_stderr(&mut self) {
        if self.saved_outfile.is_none() {
            self.saved_outfile = Some(self.new_slot());
        }
        self.op(Op::Call(host_xt(HostWord::Stderr)));
        self.op(Op::Call(host_xt(HostWord::ToOutfileId)));
    }

    /// The source map of the definition as compiled so far, if it records
    /// one; the current token (`;`) ends its last block.
    pub fn take_source_map(&mut self) -> Option<SourceMap> {
        let mut t = self.tokens.take()?;
        t.note_term(self.cur.index());
        Some(t.finish(&self.func.blocks))
    }

    /// Ends the definition; call [`Definition::check_closed`] first.
    ///
    /// A definition with address locals reserves its frame at entry and
    /// releases it before every return; one that used `>STDERR` restores
    /// `OUTFILE-ID` before every return. A `THROW` through either skips
    /// the release, as gforth's skips its `>STDERR` restore.
    pub fn finish(mut self) -> Function {
        debug_assert!(self.cf.is_empty());
        self.func.blocks[self.cur.index()].term = Term::Return;
        // What runs at entry and before every return, in this order: the
        // frame is reserved first and released last.
        let (mut entry, mut exit) = (Vec::new(), Vec::new());
        if let Some(base) = self.frame_base {
            // Whole cells keep the return stack aligned.
            let size = self.frame_size.div_ceil(4) as i32 * 4;
            entry.extend([Op::Lit(size), Op::Prim(Prim::LocalsAllot), Op::LocalSet(base)]);
            exit.extend([Op::Lit(size), Op::Prim(Prim::LocalsFree)]);
        }
        if let Some(saved) = self.saved_outfile {
            entry.extend([Op::Call(host_xt(HostWord::OutfileId)), Op::LocalSet(saved)]);
            exit.splice(0..0, [Op::LocalGet(saved), Op::Call(host_xt(HostWord::ToOutfileId))]);
        }
        if !entry.is_empty() {
            self.func.blocks[0].ops.splice(0..0, entry);
            for b in &mut self.func.blocks {
                if b.term == Term::Return {
                    b.ops.extend(exit.iter().cloned());
                }
            }
        }
        self.func
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::verify::verify;

    fn text(d: Definition) -> String {
        d.check_closed(";").unwrap();
        let f = d.finish();
        assert!(verify(&f).is_empty(), "{:?}", verify(&f));
        f.to_string()
    }

    /// `IF ... ELSE ... THEN` makes a diamond whose arms meet at one block.
    #[test]
    fn if_else_then_is_a_diamond() {
        let mut d = Definition::new(9, "T".into());
        d.if_();
        d.op(Op::Lit(1));
        d.else_().unwrap();
        d.op(Op::Lit(2));
        d.then().unwrap();
        let t = text(d);
        assert!(t.contains("b0:\n    branch b1 else b3"), "{t}");
        assert!(t.contains("b1:\n    lit 1\n    jump b4"), "{t}");
        assert!(t.contains("b3:\n    lit 2\n    jump b4"), "{t}");
    }

    /// Two WHILEs and an ELSE: the extra orig is resolved by ELSE ... THEN.
    #[test]
    fn begin_while_while_repeat_else_then() {
        let mut d = Definition::new(9, "T".into());
        d.begin();
        d.while_().unwrap();
        d.while_().unwrap();
        d.repeat().unwrap();
        d.else_().unwrap();
        d.then().unwrap();
        assert!(d.cf.is_empty());
        text(d);
    }

    #[test]
    fn mismatches_are_errors_not_panics() {
        let mut d = Definition::new(9, "T".into());
        assert_eq!(d.then(), Err(CfError::Mismatch("THEN")));
        assert_eq!(d.loop_(false), Err(CfError::Mismatch("LOOP")));
        assert_eq!(d.leave(), Err(CfError::NoLoop("LEAVE")));
        d.if_();
        assert_eq!(d.check_closed(";"), Err(CfError::Mismatch(";")));
    }

    #[test]
    fn newer_locals_shadow_older_ones_ignoring_case() {
        let mut d = Definition::new(9, "T".into());
        let a = d.declare_local("a");
        assert_eq!(d.find_local("A"), Some(Access::Cell(a)));
        let a2 = d.declare_local("A");
        assert_ne!(a, a2);
        assert_eq!(d.find_local("a"), Some(Access::Cell(a2)));
        assert_eq!(d.find_local("b"), None);
        d.op(Op::LocalSet(a2));
        d.op(Op::LocalGet(a));
        let t = text(d);
        assert!(t.starts_with("function T xt=9 loops=0 locals=2\nb0:\n    local.set 1\n    local.get 0\n"), "{t}");
    }

    /// `IF { x } ELSE { y } THEN`: each branch sees its own local, and
    /// neither is visible after the join; one declared before stays.
    #[test]
    fn locals_of_a_branch_end_where_the_branches_join() {
        let mut d = Definition::new(9, "T".into());
        d.declare_local("a");
        d.if_();
        d.declare_local("x");
        d.else_().unwrap();
        assert_eq!(d.find_local("x"), None);
        d.declare_local("y");
        d.then().unwrap();
        assert!(d.find_local("a").is_some());
        assert_eq!((d.find_local("x"), d.find_local("y")), (None, None));
    }

    /// After `EXIT` the code is unreachable, so the flow that joins at
    /// `THEN` brings its locals, and a `BEGIN` reached only by its back
    /// edge sees none.
    #[test]
    fn unreachable_code_takes_the_locals_of_the_joining_flow() {
        let mut d = Definition::new(9, "T".into());
        d.if_();
        d.exit();
        d.else_().unwrap();
        d.declare_local("x");
        d.then().unwrap();
        assert!(d.find_local("x").is_some());
        d.exit();
        d.begin();
        assert_eq!(d.find_local("x"), None);
    }

    /// A local declared in a `DO` loop outlives `LOOP`, unless a `LEAVE`
    /// (or `?DO`'s skip) joins there from before the declaration.
    #[test]
    fn loop_exits_join_the_leaves() {
        let mut d = Definition::new(9, "T".into());
        d.do_(false);
        d.declare_local("x");
        d.leave().unwrap();
        d.loop_(false).unwrap();
        assert!(d.find_local("x").is_some());
        d.do_(false);
        d.if_();
        d.leave().unwrap();
        d.then().unwrap();
        d.declare_local("y");
        d.loop_(false).unwrap();
        assert_eq!(d.find_local("y"), None);
        d.do_(true);
        d.declare_local("z");
        d.loop_(false).unwrap();
        assert_eq!(d.find_local("z"), None);
    }

    #[test]
    fn endscope_ends_the_locals_of_its_scope() {
        let mut d = Definition::new(9, "T".into());
        d.scope();
        d.declare_local("x");
        assert_eq!(d.check_closed(";"), Err(CfError::Mismatch(";")));
        d.endscope().unwrap();
        assert_eq!(d.find_local("x"), None);
        assert_eq!(d.endscope(), Err(CfError::Mismatch("ENDSCOPE")));
    }

    /// A definition with address locals reserves its frame (rounded up to
    /// whole cells) at entry and releases it before every return.
    #[test]
    fn the_frame_is_reserved_at_entry_and_released_at_every_return() {
        let mut d = Definition::new(9, "T".into());
        let w = d.new_frame_slot(Kind::Cell);
        let c = d.new_frame_slot(Kind::Char);
        let f = d.new_frame_slot(Kind::Float);
        let base = LocalId(0);
        assert_eq!(w, Access::Addr { base, offset: 0, kind: Kind::Cell });
        assert_eq!(c, Access::Addr { base, offset: 4, kind: Kind::Char });
        assert_eq!(f, Access::Addr { base, offset: 8, kind: Kind::Float });
        d.if_();
        d.exit();
        d.then().unwrap();
        let t = text(d);
        assert!(
            t.contains(
                "b0:
    lit 16
    prim (LOCALS-ALLOT)
    local.set 0
    branch"
            ),
            "{t}"
        );
        assert_eq!(
            t.matches(
                "lit 16
    prim (LOCALS-FREE)
    return"
            )
            .count(),
            2,
            "{t}"
        );
    }

    /// `+DO` is a `2DUP >` test whose false side drops the bounds and joins
    /// the loop's exit like a `LEAVE`; the loop itself is an ordinary `DO`.
    #[test]
    fn guarded_do_skips_to_the_loop_exit() {
        let mut d = Definition::new(9, "T".into());
        d.do_guarded(Prim::Gt);
        d.loop_index(0, "I").unwrap();
        d.loop_(false).unwrap();
        let t = text(d);
        assert!(t.contains("b0:\n    prim 2DUP\n    prim >\n    branch b1 else b2"), "{t}");
        assert!(t.contains("b2:\n    prim 2DROP\n    jump b4"), "{t}");
        assert!(t.contains("b1:\n    do L0\n    jump b3"), "{t}");
        assert!(t.contains("loop L0 b3 exit b4"), "{t}");
    }

    /// `-LOOP` tests index - limit against the step before stepping, and its
    /// exit side drops the step.
    #[test]
    fn minus_loop_tests_before_stepping_down() {
        let mut d = Definition::new(9, "T".into());
        d.do_guarded(Prim::Lt);
        d.minus_loop().unwrap();
        let t = text(d);
        assert!(t.contains("index L0\n    limit L0\n    prim -\n    prim SWAP\n    prim U>"), "{t}");
        assert!(t.contains("prim NEGATE\n    +loop L0"), "{t}");
        assert!(t.contains("prim DROP\n    jump"), "{t}");
    }

    /// `FOR` ... `NEXT` is `0 SWAP DO` ... `-1 +LOOP`, and `NEXT` needs a loop.
    #[test]
    fn for_next_is_a_counted_loop_down_to_zero() {
        let mut d = Definition::new(9, "T".into());
        assert_eq!(d.next_(), Err(CfError::Mismatch("NEXT")));
        d.for_();
        d.next_().unwrap();
        let t = text(d);
        assert!(t.contains("lit 0\n    prim SWAP\n    do L0"), "{t}");
        assert!(t.contains("lit -1\n    +loop L0"), "{t}");
    }

    /// `?DUP-IF` keeps the stack effect static: the zero side drops the copy
    /// in a block of its own; `?DUP-0=-IF` drops it in the body.
    #[test]
    fn dup_ifs_drop_the_copy_on_the_right_side() {
        let mut d = Definition::new(9, "T".into());
        d.dup_if();
        d.then().unwrap();
        let t = text(d);
        assert!(t.contains("prim DUP\n    branch b1 else b2"), "{t}");
        assert!(t.contains("b2:\n    prim DROP\n    jump"), "{t}");
        let mut d = Definition::new(9, "T".into());
        d.dup_zero_if();
        d.then().unwrap();
        let t = text(d);
        assert!(t.contains("prim DUP\n    branch b2 else b1\nb1:\n    prim DROP"), "{t}");
    }

    #[test]
    fn leave_if_and_loop_limit_need_a_loop() {
        let mut d = Definition::new(9, "T".into());
        assert_eq!(d.leave_if(), Err(CfError::NoLoop("?LEAVE")));
        assert_eq!(d.loop_index(1, "J"), Err(CfError::NoLoop("J")));
        d.exit_if();
        text(d);
    }

    #[test]
    fn qdo_and_leave_exit_to_after_the_loop() {
        let mut d = Definition::new(9, "T".into());
        d.do_(true);
        d.leave().unwrap();
        d.loop_(false).unwrap();
        let t = text(d);
        assert!(t.contains("qdo L0 b1 exit b3"), "{t}");
        assert!(t.contains("b1:\n    jump b3"), "{t}");
    }
}
