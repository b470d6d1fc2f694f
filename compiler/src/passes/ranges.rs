//! Value ranges: which values each stack item, local and loop index of a
//! definition can take, as signed intervals, and the floored divisions they
//! make unsigned.
//!
//! The analysis is an abstract interpretation over the blocks (Cousot and
//! Cousot, "Abstract Interpretation", 1977) in the interval domain. The
//! state at a point is the ranges of the top items of the data stack (the
//! items below them, and anything a path left unknown, may hold any cell),
//! of every local, and of the start and limit each counted loop was given
//! at its `DO`. Paths meet by taking the hull of each range, aligned from
//! the top of the stack; at the targets of back edges the ranges are
//! widened to the ends of the cell's range after a few rounds, so the
//! iteration ends. Arithmetic that might wrap gives the whole cell range.
//! A loop index is bounded only when every start is below every limit
//! (or equal, for `?DO`) and the step is a known constant, since a `DO`
//! loop that starts at or past its limit runs through every cell value.
//!
//! The rewrite: a floored `/`, `MOD` or `/MOD` whose dividend is proven
//! non-negative and divisor positive computes the same as unsigned
//! division, which needs no sign correction and, by a constant, is a
//! multiplication by a reciprocal after Cranelift's lowering. Such an op
//! becomes [`Op::DivU`]. `adler`'s two running sums, reduced `MOD 65521`
//! after adding bytes, are the pattern.
//!
//! Needs: a verified function. Guarantees: the result verifies, has the
//! same blocks and the same number of ops in each, and computes the same
//! values on every path.

use crate::cfg::Cfg;
use crate::ir::{Function, LoopId, Op, Term};
use crate::passes::effects::{call_effect, Known};
use crate::primitives::Prim;

/// The inclusive range `lo..=hi` of a signed cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// The least value.
    pub lo: i32,
    /// The greatest value.
    pub hi: i32,
}

impl Range {
    /// Any cell.
    pub const TOP: Range = Range { lo: i32::MIN, hi: i32::MAX };
    /// The values of a flag.
    const FLAG: Range = Range { lo: -1, hi: 0 };

    /// The one value `n`.
    pub const fn exactly(n: i32) -> Range {
        Range { lo: n, hi: n }
    }

    /// `lo..=hi` computed in wider arithmetic; the whole cell range if it
    /// does not fit, since the 32-bit operation would have wrapped.
    fn wide(lo: i64, hi: i64) -> Range {
        match (i32::try_from(lo), i32::try_from(hi)) {
            (Ok(lo), Ok(hi)) => Range { lo, hi },
            _ => Range::TOP,
        }
    }

    /// The single value, if there is only one.
    pub fn constant(self) -> Option<i32> {
        (self.lo == self.hi).then_some(self.lo)
    }

    /// Whether every value is at least zero.
    pub fn non_negative(self) -> bool {
        self.lo >= 0
    }

    /// The least range that holds both.
    pub fn hull(self, o: Range) -> Range {
        Range { lo: self.lo.min(o.lo), hi: self.hi.max(o.hi) }
    }

    /// `self` widened by `new`: a bound that moved goes to the end of the
    /// cell range.
    fn widen(self, new: Range) -> Range {
        Range {
            lo: if new.lo < self.lo { i32::MIN } else { self.lo },
            hi: if new.hi > self.hi { i32::MAX } else { self.hi },
        }
    }

    fn add(self, o: Range) -> Range {
        Range::wide(i64::from(self.lo) + i64::from(o.lo), i64::from(self.hi) + i64::from(o.hi))
    }

    fn sub(self, o: Range) -> Range {
        Range::wide(i64::from(self.lo) - i64::from(o.hi), i64::from(self.hi) - i64::from(o.lo))
    }

    fn mul(self, o: Range) -> Range {
        let c = [
            i64::from(self.lo) * i64::from(o.lo),
            i64::from(self.lo) * i64::from(o.hi),
            i64::from(self.hi) * i64::from(o.lo),
            i64::from(self.hi) * i64::from(o.hi),
        ];
        Range::wide(*c.iter().min().expect("four corners"), *c.iter().max().expect("four corners"))
    }

    /// The floored quotient by a divisor that is positive throughout: it
    /// grows with the dividend, so the corners bound it.
    fn floored_div(self, d: Range) -> Range {
        debug_assert!(d.lo > 0);
        let q = |n: i32, d: i32| i64::from(n).div_euclid(i64::from(d));
        Range::wide(q(self.lo, d.lo).min(q(self.lo, d.hi)), q(self.hi, d.lo).max(q(self.hi, d.hi)))
    }

    /// The floored remainder by a divisor that is positive throughout: in
    /// `0..d`, and no more than a non-negative dividend.
    fn floored_mod(self, d: Range) -> Range {
        debug_assert!(d.lo > 0);
        let hi = d.hi - 1;
        Range { lo: 0, hi: if self.non_negative() { hi.min(self.hi) } else { hi } }
    }

    fn negate(self) -> Range {
        Range::wide(-i64::from(self.hi), -i64::from(self.lo))
    }

    /// The least all-ones mask that covers a non-negative `n`.
    fn mask(n: i32) -> i32 {
        debug_assert!(n >= 0);
        u32::MAX.checked_shr((n as u32).leading_zeros()).unwrap_or(0) as i32
    }
}

/// The abstract state at one point of a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// The ranges of the top items of the data stack, bottom first; the
    /// items below them are unknown.
    pub stack: Vec<Range>,
    /// The range of each local.
    pub locals: Vec<Range>,
    /// The ranges of each counted loop's start and limit, as given at its
    /// `DO`.
    pub loops: Vec<(Range, Range)>,
}

impl State {
    /// The state at the entry: nothing known.
    fn entry(func: &Function) -> State {
        State {
            stack: Vec::new(),
            locals: vec![Range::TOP; func.n_locals as usize],
            loops: vec![(Range::TOP, Range::TOP); func.n_loops as usize],
        }
    }

    /// The range of the item `n` places below the top (0: the top).
    pub fn item(&self, n: usize) -> Range {
        self.stack.len().checked_sub(n + 1).map_or(Range::TOP, |i| self.stack[i])
    }

    fn pop(&mut self) -> Range {
        self.stack.pop().unwrap_or(Range::TOP)
    }

    fn push(&mut self, r: Range) {
        self.stack.push(r);
    }

    /// Pops `n` items and returns them bottom first.
    fn pop_n(&mut self, n: usize) -> Vec<Range> {
        let mut v: Vec<Range> = (0..n).map(|_| self.pop()).collect();
        v.reverse();
        v
    }

    /// Applies `f` to each pair of ranges of `self` and `o` (stacks
    /// aligned from the top, so only the items both know remain).
    fn combine(&mut self, o: &State, f: fn(Range, Range) -> Range) {
        let keep = self.stack.len().min(o.stack.len());
        let (skip_s, skip_o) = (self.stack.len() - keep, o.stack.len() - keep);
        self.stack = self.stack[skip_s..].iter().zip(&o.stack[skip_o..]).map(|(&a, &b)| f(a, b)).collect();
        for (a, &b) in self.locals.iter_mut().zip(&o.locals) {
            *a = f(*a, b);
        }
        for (a, &b) in self.loops.iter_mut().zip(&o.loops) {
            *a = (f(a.0, b.0), f(a.1, b.1));
        }
    }
}

/// What the analysis knows of each counted loop from the function's shape.
#[derive(Clone, Copy, Debug)]
struct LoopShape {
    /// The step, if every `LOOP`/`+LOOP` of the loop steps by this constant.
    step: Option<i32>,
    /// Whether a `?DO` test guards the loop.
    qdo: bool,
}

fn loop_shapes(func: &Function) -> Vec<LoopShape> {
    let mut steps: Vec<Option<Option<i32>>> = vec![None; func.n_loops as usize];
    let mut qdo = vec![false; func.n_loops as usize];
    for b in &func.blocks {
        match b.term {
            Term::Loop { lp, plus, .. } => {
                let step = if plus {
                    match b.ops.last() {
                        Some(&Op::Lit(s)) => Some(s),
                        _ => None,
                    }
                } else {
                    Some(1)
                };
                let seen = &mut steps[lp.0 as usize];
                *seen = Some(match *seen {
                    None => step,
                    Some(prev) if prev == step => step,
                    Some(_) => None,
                });
            }
            Term::QDo { lp, .. } => qdo[lp.0 as usize] = true,
            _ => {}
        }
    }
    steps.into_iter().zip(qdo).map(|(s, qdo)| LoopShape { step: s.flatten(), qdo }).collect()
}

/// The range of a loop's index, from the ranges of its start and limit.
///
/// Counting up by `s > 0`, the index stays in `start..limit` when every
/// start is below every limit: the loop ends at the first step that
/// crosses from `limit - 1` to `limit`, and the distance `index - limit`
/// stays negative without wrapping. Counting down, it stays in
/// `limit..=start` when every start is at or above every limit.
fn index_range(shape: LoopShape, start: Range, limit: Range) -> Range {
    let span = i64::from(limit.hi) - i64::from(start.lo);
    match shape.step {
        Some(s) if s > 0 => {
            let ordered = start.hi < limit.lo || (shape.qdo && start.hi <= limit.lo);
            // A `?DO` whose start always equals its limit never runs its
            // body; nothing is claimed for it.
            if ordered && span <= 1 << 31 && start.lo < limit.hi {
                Range { lo: start.lo, hi: limit.hi - 1 }
            } else {
                Range::TOP
            }
        }
        Some(s) if s < 0 => {
            if start.lo >= limit.hi && i64::from(start.hi) - i64::from(limit.lo) <= i64::from(i32::MAX) {
                Range { lo: limit.lo, hi: start.hi }
            } else {
                Range::TOP
            }
        }
        _ => Range::TOP,
    }
}

/// The analysis of one function: the state at the entry of each block.
pub struct Ranges<'f> {
    func: &'f Function,
    known: &'f Known,
    shapes: Vec<LoopShape>,
    /// The state at each block's entry; `None` for blocks no path reaches.
    pub entry: Vec<Option<State>>,
}

/// How many times a loop header is joined before its ranges are widened.
const ROUNDS_BEFORE_WIDENING: u32 = 3;

/// Gives up on functions whose iteration takes longer than this many block
/// visits (it always ends, but huge definitions are not worth it).
const MAX_VISITS: usize = 100_000;

impl<'f> Ranges<'f> {
    /// Runs the analysis; `None` if it gave up.
    pub fn new(func: &'f Function, known: &'f Known) -> Option<Ranges<'f>> {
        let cfg = Cfg::new(func);
        let n = func.blocks.len();
        let mut r = Ranges { func, known, shapes: loop_shapes(func), entry: vec![None; n] };
        r.entry[0] = Some(State::entry(func));
        let mut joins = vec![0u32; n];
        let mut queued = vec![false; n];
        queued[0] = true;
        let mut visits = 0;
        // Visiting in reverse postorder: the first queued block in that
        // order goes next, so each round sees its forward predecessors first.
        while let Some(&b) = cfg.rpo.iter().find(|b| queued[b.index()]) {
            queued[b.index()] = false;
            visits += 1;
            if visits > MAX_VISITS {
                return None;
            }
            let st = r.exit_state(b.index());
            let term = &func.blocks[b.index()].term;
            for s in term.successors() {
                let i = s.index();
                let new = match &r.entry[i] {
                    None => st.clone(),
                    Some(old) => {
                        let mut joined = old.clone();
                        joined.combine(&st, Range::hull);
                        if cfg.is_loop_header[i] {
                            joins[i] += 1;
                            if joins[i] > ROUNDS_BEFORE_WIDENING {
                                let mut widened = old.clone();
                                widened.combine(&joined, Range::widen);
                                joined = widened;
                            }
                        }
                        joined
                    }
                };
                if r.entry[i].as_ref() != Some(&new) {
                    r.entry[i] = Some(new);
                    queued[i] = true;
                }
            }
        }
        r.narrow(&cfg);
        Some(r)
    }

    /// The analysis without its iteration: for [`Ranges::through`] only,
    /// which looks at one run of ops with nothing known before it (cheap:
    /// no pass over the whole definition).
    pub fn local(func: &'f Function, known: &'f Known) -> Ranges<'f> {
        Ranges { func, known, shapes: loop_shapes(func), entry: Vec::new() }
    }

    /// The state after `ops`, from a start where nothing is known (no
    /// stack items, any locals, any loop bounds).
    pub fn through(&self, ops: &[Op]) -> State {
        let mut st = State::entry(self.func);
        self.run_ops(ops, &mut st, |_, _| {});
        st
    }

    /// The state after block `b`'s ops and its terminator's pop.
    fn exit_state(&self, b: usize) -> State {
        let mut st = self.entry[b].clone().expect("only blocks with a state are run");
        self.run_ops(&self.func.blocks[b].ops, &mut st, |_, _| {});
        if matches!(self.func.blocks[b].term, Term::Branch { .. } | Term::Loop { plus: true, .. }) {
            st.pop();
        }
        st
    }

    /// Narrowing (Cousot and Cousot): widening overshoots, as a sum reduced
    /// `MOD` every trip shows (its range grows until widened to the top of
    /// the cell range, where the next `+` may wrap, though `MOD` brings it
    /// back). From states that hold on every path, recomputing each entry
    /// as the hull of its predecessors' exits gives states that hold too,
    /// and often tighter ones: the reduced sum's range.
    fn narrow(&mut self, cfg: &Cfg) {
        const ROUNDS: usize = 2;
        for _ in 0..ROUNDS {
            for &b in &cfg.rpo {
                let mut new: Option<State> = (b.index() == 0).then(|| State::entry(self.func));
                for &p in &cfg.rpo {
                    if !cfg.succs[p.index()].contains(&b) {
                        continue;
                    }
                    let out = self.exit_state(p.index());
                    match &mut new {
                        None => new = Some(out),
                        Some(n) => n.combine(&out, Range::hull),
                    }
                }
                self.entry[b.index()] = new;
            }
        }
    }

    /// Runs `ops` on `st`, calling `visit` with each op's index and the
    /// state before it.
    pub fn run_ops(&self, ops: &[Op], st: &mut State, mut visit: impl FnMut(usize, &State)) {
        for (i, op) in ops.iter().enumerate() {
            visit(i, st);
            self.step(op, st);
        }
    }

    /// The effect of one op on the state.
    fn step(&self, op: &Op, st: &mut State) {
        match *op {
            Op::Lit(n) => st.push(Range::exactly(n)),
            Op::Prim(p) => prim(p, st),
            Op::DivU(p) | Op::AtOffset(p, _) => prim(p, st),
            Op::Call(xt) => match call_effect(xt, self.known) {
                Some(e) => {
                    st.pop_n(e.inputs as usize);
                    st.stack.extend((0..e.outputs).map(|_| Range::TOP));
                }
                // A word with a dynamic effect may leave anything anywhere
                // on the stack; locals and loop slots are the function's own.
                None => st.stack.clear(),
            },
            Op::FetchLit(_) => st.push(Range::TOP),
            Op::StoreLit(_) => drop(st.pop()),
            Op::DoInit(lp) => {
                let start = st.pop();
                let limit = st.pop();
                st.loops[lp.0 as usize] = (start, limit);
            }
            Op::LoopIndex(lp) => st.push(self.index(st, lp)),
            Op::LoopLimit(lp) => st.push(st.loops[lp.0 as usize].1),
            Op::LocalGet(l) => st.push(st.locals[l.0 as usize]),
            Op::LocalSet(l) => st.locals[l.0 as usize] = st.pop(),
            Op::Popcount => {
                st.pop();
                st.push(Range { lo: 0, hi: 32 });
            }
            Op::Select => {
                st.pop();
                let b = st.pop();
                let a = st.pop();
                st.push(a.hull(b));
            }
            // The vectorized first trips of the loop that follows: its
            // items come out as any value (its index stays within the
            // loop's start and limit, which the loop's own ops see).
            Op::Vector(ref v) => {
                let n = v.items.len();
                st.pop_n(n);
                st.stack.extend((0..n).map(|_| Range::TOP));
            }
        }
    }

    fn index(&self, st: &State, lp: LoopId) -> Range {
        let (start, limit) = st.loops[lp.0 as usize];
        index_range(self.shapes[lp.0 as usize], start, limit)
    }

    /// The function analysed.
    pub fn func(&self) -> &Function {
        self.func
    }
}

/// The state under a name that `Prim::*` (which has a `State`) does not hide.
type St = State;

/// The effect of a primitive on the state.
fn prim(p: Prim, st: &mut St) {
    use Prim::*;
    // Permutations: pop `n` items, push them in the order `order` gives.
    let shuffle = |st: &mut St, n: usize, order: &[usize]| {
        let v = st.pop_n(n);
        st.stack.extend(order.iter().map(|&i| v[i]));
    };
    let bin = |st: &mut St, f: fn(Range, Range) -> Range| {
        let b = st.pop();
        let a = st.pop();
        st.push(f(a, b));
    };
    let un = |st: &mut St, f: fn(Range) -> Range| {
        let a = st.pop();
        st.push(f(a));
    };
    match p {
        Dup => shuffle(st, 1, &[0, 0]),
        Drop => shuffle(st, 1, &[]),
        Swap => shuffle(st, 2, &[1, 0]),
        Over => shuffle(st, 2, &[0, 1, 0]),
        Rot => shuffle(st, 3, &[1, 2, 0]),
        MinusRot => shuffle(st, 3, &[2, 0, 1]),
        Nip => shuffle(st, 2, &[1]),
        Tuck => shuffle(st, 2, &[1, 0, 1]),
        TwoDup => shuffle(st, 2, &[0, 1, 0, 1]),
        TwoDrop => shuffle(st, 2, &[]),
        TwoSwap => shuffle(st, 4, &[2, 3, 0, 1]),
        TwoOver => shuffle(st, 4, &[0, 1, 2, 3, 0, 1]),
        Pick => {
            let u = st.pop();
            let r = match u.constant() {
                Some(k) if k >= 0 => st.item(k as usize),
                _ => Range::TOP,
            };
            st.push(r);
        }
        Roll => {
            let u = st.pop();
            match u.constant() {
                Some(k) if k >= 0 && (k as usize) < st.stack.len() => {
                    let x = st.stack.remove(st.stack.len() - 1 - k as usize);
                    st.push(x);
                }
                // The rolled item comes from below the known ones, which
                // move down one place.
                Some(k) if k >= 0 => st.push(Range::TOP),
                _ => st.stack.clear(),
            }
        }
        QuestionDup => {
            let x = st.pop();
            if x.lo > 0 || x.hi < 0 {
                st.push(x);
                st.push(x);
            } else if x == Range::exactly(0) {
                st.push(x);
            } else {
                st.stack.clear();
            }
        }
        Add => bin(st, Range::add),
        Sub => bin(st, Range::sub),
        Mul => bin(st, Range::mul),
        Div | Mod | DivMod => {
            let d = st.pop();
            let n = st.pop();
            if d.lo > 0 {
                if p != Div {
                    st.push(n.floored_mod(d));
                }
                if p != Mod {
                    st.push(n.floored_div(d));
                }
            } else {
                st.stack.extend(std::iter::repeat_n(Range::TOP, if p == DivMod { 2 } else { 1 }));
            }
        }
        Negate => un(st, Range::negate),
        Abs => un(st, |a| match a.lo {
            0.. => a,
            // ABS of the least cell is itself.
            i32::MIN => Range::TOP,
            lo => Range { lo: if a.hi < 0 { -a.hi } else { 0 }, hi: (-lo).max(a.hi) },
        }),
        Min => bin(st, |a, b| Range { lo: a.lo.min(b.lo), hi: a.hi.min(b.hi) }),
        Max => bin(st, |a, b| Range { lo: a.lo.max(b.lo), hi: a.hi.max(b.hi) }),
        OnePlus => un(st, |a| a.add(Range::exactly(1))),
        OneMinus => un(st, |a| a.sub(Range::exactly(1))),
        TwoStar => un(st, |a| a.mul(Range::exactly(2))),
        TwoSlash => un(st, |a| Range { lo: a.lo >> 1, hi: a.hi >> 1 }),
        LShift => bin(st, |a, k| match k.constant() {
            Some(k @ 0..=31) if a.non_negative() => Range::wide(i64::from(a.lo) << k, i64::from(a.hi) << k),
            _ => Range::TOP,
        }),
        RShift => bin(st, |a, k| {
            if a.non_negative() {
                // A logical shift of a non-negative cell, by any amount.
                match k.constant() {
                    Some(k @ 0..=31) => Range { lo: a.lo >> k, hi: a.hi >> k },
                    _ => Range { lo: 0, hi: a.hi },
                }
            } else if k.lo >= 1 && k.hi <= 31 {
                Range { lo: 0, hi: (u32::MAX >> k.lo) as i32 }
            } else {
                Range::TOP
            }
        }),
        And => bin(st, |a, b| match (a.non_negative(), b.non_negative()) {
            (true, true) => Range { lo: 0, hi: a.hi.min(b.hi) },
            (true, false) => Range { lo: 0, hi: a.hi },
            (false, true) => Range { lo: 0, hi: b.hi },
            (false, false) => Range::TOP,
        }),
        Or | Xor => bin(st, |a, b| {
            if a.non_negative() && b.non_negative() {
                Range { lo: 0, hi: Range::mask(a.hi.max(b.hi)) }
            } else {
                Range::TOP
            }
        }),
        Invert => un(st, |a| Range { lo: !a.hi, hi: !a.lo }),
        Eq | Ne | Lt | Gt | ULt | UGt | Le | Ge | ULe | UGe | UEq | UNe | Within => {
            let n = if p == Within { 3 } else { 2 };
            st.pop_n(n);
            st.push(Range::FLAG);
        }
        ZeroEq | ZeroNe | ZeroLt | ZeroGt | ZeroLe | ZeroGe => un(st, |_| Range::FLAG),
        True => st.push(Range::exactly(-1)),
        False => st.push(Range::exactly(0)),
        Bl => st.push(Range::exactly(32)),
        CFetch => un(st, |_| Range { lo: 0, hi: 255 }),
        Count => {
            let a = st.pop();
            st.push(a.add(Range::exactly(1)));
            st.push(Range { lo: 0, hi: 255 });
        }
        CellPlus => un(st, |a| a.add(Range::exactly(runtime::CELL as i32))),
        Cells => un(st, |a| a.mul(Range::exactly(runtime::CELL as i32))),
        CharPlus => un(st, |a| a.add(Range::exactly(1))),
        Chars => {}
        Depth => st.push(Range { lo: 0, hi: i32::MAX }),
        _ => match p.effect() {
            Some((i, o)) => {
                st.pop_n(usize::from(i));
                st.stack.extend((0..o).map(|_| Range::TOP));
            }
            None => st.stack.clear(),
        },
    }
}

/// Replaces each floored division whose dividend is proven non-negative and
/// divisor positive by [`Op::DivU`]; returns how many.
pub fn unsigned_divisions(func: &mut Function, known: &Known) -> usize {
    let has_division =
        func.blocks.iter().flat_map(|b| &b.ops).any(|op| matches!(op, Op::Prim(Prim::Div | Prim::Mod | Prim::DivMod)));
    if !has_division {
        return 0;
    }
    let Some(ranges) = Ranges::new(func, known) else { return 0 };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (b, entry) in ranges.entry.iter().enumerate() {
        let Some(entry) = entry else { continue };
        let mut st = entry.clone();
        ranges.run_ops(&func.blocks[b].ops, &mut st, |i, before| {
            if let Op::Prim(Prim::Div | Prim::Mod | Prim::DivMod) = func.blocks[b].ops[i] {
                if before.item(1).non_negative() && before.item(0).lo > 0 {
                    found.push((b, i));
                }
            }
        });
    }
    for &(b, i) in &found {
        let Op::Prim(p) = func.blocks[b].ops[i] else { unreachable!("found divisions only") };
        func.blocks[b].ops[i] = Op::DivU(p);
    }
    found.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::test_builders::{block, func, p};
    use crate::ir::{BlockId, LocalId};

    /// Adler-32's inner loop: `1 0 2SWAP OVER + SWAP ?DO SWAP I C@ + 65521
    /// MOD TUCK + 65521 MOD LOOP`. Both sums start at 0 or 1, grow by a byte or by
    /// the other sum, and are reduced at once, so both divisions are
    /// unsigned.
    #[test]
    fn adler_sums_stay_non_negative_across_the_loop() {
        let lp = LoopId(0);
        let mut f = func(
            vec![
                block(
                    vec![
                        Op::Lit(1),
                        Op::Lit(0),
                        p(Prim::TwoSwap),
                        p(Prim::Over),
                        p(Prim::Add),
                        p(Prim::Swap),
                        Op::DoInit(lp),
                    ],
                    Term::QDo { lp, body: BlockId(1), exit: BlockId(2) },
                ),
                block(
                    vec![
                        p(Prim::Swap),
                        Op::LoopIndex(lp),
                        p(Prim::CFetch),
                        p(Prim::Add),
                        Op::Lit(65521),
                        p(Prim::Mod),
                        p(Prim::Tuck),
                        p(Prim::Add),
                        Op::Lit(65521),
                        p(Prim::Mod),
                    ],
                    Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) },
                ),
                block(vec![], Term::Return),
            ],
            1,
        );
        assert_eq!(unsigned_divisions(&mut f, &Known::new()), 2);
        assert_eq!(f.blocks[1].ops[5], Op::DivU(Prim::Mod));
        assert_eq!(f.blocks[1].ops[9], Op::DivU(Prim::Mod));
    }

    /// A sum that starts from an argument may be negative: `MOD` stays
    /// floored. So does a division by a divisor that may be zero or
    /// negative.
    #[test]
    fn unknown_signs_keep_floored_division() {
        let mut f = func(
            vec![block(
                vec![
                    p(Prim::Dup),
                    Op::Lit(7),
                    p(Prim::Mod),
                    p(Prim::Drop),
                    Op::Lit(255),
                    p(Prim::And),
                    p(Prim::Over),
                    p(Prim::Div),
                ],
                Term::Return,
            )],
            0,
        );
        assert_eq!(unsigned_divisions(&mut f, &Known::new()), 0);
    }

    /// A counter that grows by one each trip is widened to the top of the
    /// cell range, where `1+` may wrap: a division after it stays floored;
    /// a masked copy of it is non-negative again.
    #[test]
    fn a_counter_is_widened_and_wraps() {
        let mut f = func(
            vec![
                block(vec![Op::Lit(0)], Term::Jump(BlockId(1))),
                block(
                    vec![
                        p(Prim::OnePlus),
                        p(Prim::Dup),
                        Op::Lit(10),
                        p(Prim::Mod),
                        p(Prim::Drop),
                        p(Prim::Dup),
                        Op::Lit(1023),
                        p(Prim::And),
                        Op::Lit(3),
                        p(Prim::Div),
                        p(Prim::Drop),
                        p(Prim::Dup),
                    ],
                    Term::Branch { nonzero: BlockId(1), zero: BlockId(2) },
                ),
                block(vec![], Term::Return),
            ],
            0,
        );
        assert_eq!(unsigned_divisions(&mut f, &Known::new()), 1);
        assert_eq!(f.blocks[1].ops[3], p(Prim::Mod));
        assert_eq!(f.blocks[1].ops[9], Op::DivU(Prim::Div));
    }

    /// An index counting up from 0 to a positive limit is non-negative; a
    /// `DO` whose start may equal its limit runs through every cell value.
    #[test]
    fn loop_indices_are_bounded_only_when_ordered() {
        let lp = LoopId(0);
        let body = vec![Op::LoopIndex(lp), Op::Lit(10), p(Prim::DivMod), p(Prim::TwoDrop)];
        let make = |start: i32| {
            func(
                vec![
                    block(vec![Op::Lit(100), Op::Lit(start), Op::DoInit(lp)], Term::Jump(BlockId(1))),
                    block(body.clone(), Term::Loop { lp, plus: false, body: BlockId(1), exit: BlockId(2) }),
                    block(vec![], Term::Return),
                ],
                1,
            )
        };
        assert_eq!(unsigned_divisions(&mut make(0), &Known::new()), 1);
        assert_eq!(unsigned_divisions(&mut make(100), &Known::new()), 0);
    }

    /// Locals carry their ranges; a call with an unknown effect forgets the
    /// stack but not the locals.
    #[test]
    fn locals_survive_unknown_calls() {
        let mut f = func(
            vec![block(
                vec![
                    Op::Lit(40),
                    Op::LocalSet(LocalId(0)),
                    Op::Call(9999),
                    Op::LocalGet(LocalId(0)),
                    Op::Lit(3),
                    p(Prim::Mod),
                ],
                Term::Return,
            )],
            0,
        );
        assert_eq!(unsigned_divisions(&mut f, &Known::new()), 1);
    }

    #[test]
    fn interval_arithmetic_gives_up_where_cells_wrap() {
        let big = Range { lo: 0, hi: i32::MAX };
        assert_eq!(big.add(Range::exactly(1)), Range::TOP);
        assert_eq!(Range { lo: -7, hi: 9 }.floored_div(Range { lo: 2, hi: 3 }), Range { lo: -4, hi: 4 });
        assert_eq!(Range { lo: -7, hi: 9 }.floored_mod(Range { lo: 2, hi: 3 }), Range { lo: 0, hi: 2 });
        assert_eq!(Range { lo: i32::MIN, hi: 0 }.negate(), Range::TOP);
        assert_eq!(Range::mask(65520), 65535);
        assert_eq!(Range::mask(0), 0);
        assert_eq!(Range::mask(i32::MAX), i32::MAX);
    }
}
