//! The performance model: a cost per class of IR operation, block
//! execution counts from an instrumented build, and a least-squares fit of
//! the costs to measured times.
//!
//! **Classes.** Every IR op and terminator falls into one [`OpClass`]:
//! arithmetic (and comparisons, constants), division (`/`, `MOD` and the
//! other dividing words, which cost ten times an add), memory (`@ ! C@ C!
//! +!`, `FILL`, `MOVE`, values), branch (`IF`, loop tests), call (a colon
//! definition or `EXECUTE`), stack (literals, shuffles, return stack, loop
//! indices), host call (a host word such as `TYPE` or `.`) and bulk memory
//! (each 64 bytes that `FILL`, `ERASE`, `MOVE`, `CMOVE` or `CMOVE>` touch,
//! whose cost grows with their length), and latency: the cycles of the
//! chain of dependent ops that each block carries from its entry to its exit
//! (see [`latency`]), which bounds a loop whose iterations wait for each
//! other however few ops they run; and issue slots, the roofline of the
//! two: per block, `max(ops, ISSUE_WIDTH × latency)`, since a block takes at
//! least `ops / ISSUE_WIDTH` cycles to issue and at least its latency. Stack ops
//! count only in words that keep the memory stack (whose effect is not
//! static, or everything at `-O0`): in a static word the items live in wasm
//! locals, and a shuffle costs nothing.
//! A primitive's class and latency are columns of its row in the primitive
//! table ([`Prim::cost_class`], [`Prim::latency`]), so a new primitive
//! cannot be added without them.
//!
//! **Counts.** How often a block runs is not known statically (loop trip
//! counts, recursion depth). [`instrument`] adds a counter to each block and
//! one at each function's entry: `1 addr +!`, which leaves the stack and the
//! inferred effects unchanged. Running the instrumented build once gives the
//! exact number of executions of every block; multiplied by each block's
//! class counts, that is the [`Features`] vector of the run.
//!
//! **Prediction.** `ns = Σ cost[class] × executed ops of that class`
//! ([`CostModel::predict_ns`]). The costs are fitted by [`fit`] to measured
//! times, minimizing the sum of absolute *relative* errors under
//! non-negative costs. The model is linear and ignores what
//! Cranelift does beyond that (register allocation, bounds checks it hoists,
//! cache misses, the length of `FILL`/`MOVE`), so its error is measured and
//! reported rather than assumed.
//!
//! **Reports.** [`counted`] reads the counters back after the run,
//! [`prediction`] makes the prediction per word with the built-in model, and
//! [`suggest`] words a hot word's suggestion; every host goes through them.

use serde::{Deserialize, Serialize};

pub mod counted;
pub mod latency;
pub mod prediction;
pub mod suggest;

use crate::ir::{Block, BlockId, Function, Op, Term, Xt};
use crate::primitives::{CostClass, Prim};
use crate::xt_numbering::host_word_of;

/// A class of operations with one cost each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpClass {
    /// Arithmetic, logic, comparisons, constants.
    Arith,
    /// Division and remainder.
    Divide,
    /// Memory reads and writes.
    Memory,
    /// Conditional branches and loop tests.
    Branch,
    /// Calls of colon definitions and `EXECUTE`.
    Call,
    /// Literals, stack shuffles, return stack, loop indices, locals, in words that
    /// keep the memory stack.
    Stack,
    /// Calls of host words.
    Host,
    /// 64-byte units touched by `FILL`, `ERASE`, `MOVE`, `CMOVE`, `CMOVE>`.
    Bulk,
    /// Cycles of the chains of dependent ops that a block carries from its
    /// entry to its exit ([`latency`]).
    Latency,
    /// Issue slots: per block, the larger of its ops (arithmetic, division,
    /// memory, branch) and [`ISSUE_WIDTH`] × its latency; a block takes at
    /// least `ops / width` cycles to issue and at least its latency.
    Slots,
}

/// The ops a core issues per cycle, for [`OpClass::Slots`]: a block runs
/// in about `max(ops / ISSUE_WIDTH, latency)` cycles. IR ops are not machine
/// instructions (a literal folds into the instruction that uses it, a
/// compare into its branch), so more IR ops than the core's six dispatch
/// slots retire per cycle; eight gave the smallest held-out error on the
/// benchmark suite among the widths 3 to 8.
pub const ISSUE_WIDTH: u32 = 8;

/// The number of classes.
pub const N_CLASSES: usize = 10;

impl OpClass {
    /// Every class, in the order of [`Features`] and model costs.
    pub const ALL: [OpClass; N_CLASSES] = [
        OpClass::Arith,
        OpClass::Divide,
        OpClass::Memory,
        OpClass::Branch,
        OpClass::Call,
        OpClass::Stack,
        OpClass::Host,
        OpClass::Bulk,
        OpClass::Latency,
        OpClass::Slots,
    ];

    /// The name used in reports and model files.
    pub fn name(self) -> &'static str {
        match self {
            OpClass::Arith => "arith",
            OpClass::Divide => "divide",
            OpClass::Memory => "memory",
            OpClass::Branch => "branch",
            OpClass::Call => "call",
            OpClass::Stack => "stack",
            OpClass::Host => "host",
            OpClass::Bulk => "bulk",
            OpClass::Latency => "latency",
            OpClass::Slots => "slots",
        }
    }
}

/// The class of a primitive: its row's [`CostClass`], a bulk memory word
/// counting as a memory op.
pub fn prim_class(p: Prim) -> OpClass {
    match p.cost_class() {
        CostClass::Arith => OpClass::Arith,
        CostClass::Divide => OpClass::Divide,
        CostClass::Memory | CostClass::Bulk(_) => OpClass::Memory,
        CostClass::Stack => OpClass::Stack,
        CostClass::Call => OpClass::Call,
    }
}

/// The class of an op.
pub fn op_class(op: &Op) -> OpClass {
    match *op {
        Op::Lit(_) | Op::DoInit(_) | Op::LoopIndex(_) | Op::LoopLimit(_) | Op::LocalGet(_) | Op::LocalSet(_) => {
            OpClass::Stack
        }
        Op::FetchLit(_) | Op::StoreLit(_) => OpClass::Memory,
        Op::Popcount | Op::Select => OpClass::Arith,
        Op::Vector(_) => OpClass::Memory,
        Op::Prim(p) | Op::DivU(p) | Op::AtOffset(p, _) => prim_class(p),
        Op::Call(xt) if host_word_of(xt).is_some() => OpClass::Host,
        Op::Call(_) => OpClass::Call,
    }
}

/// Class counts: one number per [`OpClass`], in [`OpClass::ALL`] order.
pub type Features = [f64; N_CLASSES];

/// The ops of each class in one block, its terminator included; stack ops
/// only if `memory_stack` (see the module doc).
pub fn block_classes(b: &Block, memory_stack: bool) -> [u32; N_CLASSES] {
    let mut n = [0u32; N_CLASSES];
    for op in &b.ops {
        let c = op_class(op);
        if c != OpClass::Stack || memory_stack {
            n[c as usize] += 1;
        }
    }
    if matches!(b.term, Term::Branch { .. } | Term::QDo { .. } | Term::Loop { .. }) {
        n[OpClass::Branch as usize] += 1;
    }
    n
}

/// A block's issue slots from its other classes (see [`OpClass::Slots`]).
pub fn issue_slots(classes: &[u32; N_CLASSES]) -> u32 {
    let ops: u32 =
        [OpClass::Arith, OpClass::Divide, OpClass::Memory, OpClass::Branch].iter().map(|c| classes[*c as usize]).sum();
    ops.max(ISSUE_WIDTH.saturating_mul(classes[OpClass::Latency as usize]))
}

/// One counter of an instrumented build.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    /// The function.
    pub xt: Xt,
    /// Its name (empty for `:NONAME` and `DOES>` code).
    pub name: String,
    /// What it counts.
    pub kind: CounterKind,
    /// Ops by class per count (zero for call counters).
    pub classes: [u32; N_CLASSES],
}

/// What a counter counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CounterKind {
    /// Calls of the function.
    Calls,
    /// Executions of this block.
    Block(u32),
    /// 64-byte units touched by the function's bulk memory words.
    Bulk,
}

/// The counters of an instrumented build: counter `k` is the cell at
/// `base + 4 k`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    /// Address of the first counter.
    pub base: u32,
    /// What each counter counts.
    pub counters: Vec<Counter>,
}

fn bump(addr: u32) -> [Op; 3] {
    [Op::Lit(1), Op::Lit(addr as i32), Op::Prim(Prim::AddStore)]
}

/// Ops that add `u / 64` to the cell at `addr`, where `u` is the length
/// argument of a bulk memory word ([`CostClass::Bulk`]), left in place;
/// `None` for other ops.
fn bulk_bump(op: &Op, addr: u32) -> Option<Vec<Op>> {
    let Op::Prim(p) = *op else { return None };
    let CostClass::Bulk(k) = p.cost_class() else { return None };
    let mut ops = match k {
        0 => vec![Op::Prim(Prim::Dup)],
        1 => vec![Op::Prim(Prim::Over)],
        k => vec![Op::Lit(i32::from(k)), Op::Prim(Prim::Pick)],
    };
    ops.extend([Op::Lit(6), Op::Prim(Prim::RShift), Op::Lit(addr as i32), Op::Prim(Prim::AddStore)]);
    Some(ops)
}

/// Adds counters to every function: a new entry block counting calls, and
/// one counter at the start of each original block. Counters are cells from
/// `base` on; the caller must reserve `4 × counters.len()` bytes there.
/// `optimize` says whether static words get the register convention (so
/// that their stack ops are free); `funcs` must be in definition order.
pub fn instrument(funcs: &mut [Function], base: u32, optimize: bool) -> Counters {
    let mut known = crate::passes::effects::Known::new();
    for f in funcs.iter() {
        if let Some(e) = crate::passes::effects::infer(f, &known) {
            known.insert(f.xt, e);
        }
    }
    let mut counters = Vec::new();
    let next = |c: Counter, counters: &mut Vec<Counter>| {
        counters.push(c);
        base + 4 * (counters.len() as u32 - 1)
    };
    for f in funcs.iter_mut() {
        let memory_stack = !optimize || !known.contains_key(&f.xt);
        let counter = |kind, classes| Counter { xt: f.xt, name: f.name.clone(), kind, classes };
        let entry_addr = next(counter(CounterKind::Calls, [0; N_CLASSES]), &mut counters);
        let mut bulk = [0; N_CLASSES];
        bulk[OpClass::Bulk as usize] = 1;
        let bulk_addr = next(counter(CounterKind::Bulk, bulk), &mut counters);
        for (i, b) in f.blocks.iter_mut().enumerate() {
            let mut classes = block_classes(b, memory_stack);
            classes[OpClass::Latency as usize] = latency::block_latency(b, &known);
            classes[OpClass::Slots as usize] = issue_slots(&classes);
            let addr = next(counter(CounterKind::Block(i as u32), classes), &mut counters);
            let mut ops = bump(addr).to_vec();
            for op in b.ops.drain(..) {
                ops.extend(bulk_bump(&op, bulk_addr).into_iter().flatten());
                ops.push(op);
            }
            b.ops = ops;
            for t in b.term.successors_mut() {
                t.0 += 1;
            }
        }
        f.blocks.insert(0, Block { ops: bump(entry_addr).to_vec(), term: Term::Jump(BlockId(1)) });
    }
    Counters { base, counters }
}

/// What one word contributed in a counted run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WordCost {
    /// The word's name (`xt N` if it has none).
    pub name: String,
    /// Calls.
    pub calls: u64,
    /// Ops executed in the word's own blocks, by class.
    pub features: Features,
}

/// Combines counter values with what they count: per word (in the order
/// first seen) and in total.
pub fn word_costs(c: &Counters, values: &[u32]) -> Vec<WordCost> {
    let mut out: Vec<WordCost> = Vec::new();
    let mut index: std::collections::HashMap<Xt, usize> = Default::default();
    for (k, counter) in c.counters.iter().enumerate() {
        let n = u64::from(values.get(k).copied().unwrap_or(0));
        let i = *index.entry(counter.xt).or_insert_with(|| {
            let name = if counter.name.is_empty() { format!("xt {}", counter.xt) } else { counter.name.clone() };
            out.push(WordCost { name, calls: 0, features: [0.0; N_CLASSES] });
            out.len() - 1
        });
        match counter.kind {
            CounterKind::Calls => out[i].calls += n,
            CounterKind::Block(_) | CounterKind::Bulk => {
                for (f, &k) in out[i].features.iter_mut().zip(&counter.classes) {
                    *f += n as f64 * f64::from(k);
                }
            }
        }
    }
    out
}

/// The sum of the words' features.
pub fn total(words: &[WordCost]) -> Features {
    let mut t = [0.0; N_CLASSES];
    for w in words {
        for (a, b) in t.iter_mut().zip(&w.features) {
            *a += b;
        }
    }
    t
}

/// One program the model was calibrated on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// The program.
    pub name: String,
    /// Executed ops by class.
    pub features: Features,
    /// The measured time (median), in nanoseconds.
    pub measured_ns: f64,
    /// The fitted model's prediction.
    #[serde(default)]
    pub predicted_ns: f64,
    /// The prediction of a model fitted without this program.
    #[serde(default)]
    pub held_out_ns: f64,
}

/// Costs per class, and how they were obtained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostModel {
    /// `fastforth.cost-model/2`.
    pub format: String,
    /// Nanoseconds per executed op, by class name.
    pub ns_per_op: std::collections::BTreeMap<String, f64>,
    /// Where the numbers come from (machine, date, options).
    #[serde(default)]
    pub calibrated_on: String,
    /// The programs of the fit.
    #[serde(default)]
    pub samples: Vec<Sample>,
    /// Median of |predicted − measured| / measured over the samples.
    #[serde(default)]
    pub median_abs_error: f64,
    /// The same with each program predicted by a fit without it.
    #[serde(default)]
    pub held_out_median_abs_error: f64,
}

/// The format tag of model files.
pub const MODEL_FORMAT: &str = "fastforth.cost-model/2";

impl CostModel {
    /// A model with these costs, in [`OpClass::ALL`] order.
    pub fn from_costs(costs: &Features) -> CostModel {
        CostModel {
            format: MODEL_FORMAT.into(),
            ns_per_op: OpClass::ALL.iter().zip(costs).map(|(c, v)| (c.name().to_string(), *v)).collect(),
            calibrated_on: String::new(),
            samples: Vec::new(),
            median_abs_error: 0.0,
            held_out_median_abs_error: 0.0,
        }
    }

    /// Reads a model file, checking its format and classes.
    pub fn from_json(s: &str) -> Result<CostModel, String> {
        let m: CostModel = serde_json::from_str(s).map_err(|e| format!("not a cost model: {e}"))?;
        if m.format != MODEL_FORMAT {
            return Err(format!("unknown cost model format {:?} (expected {MODEL_FORMAT})", m.format));
        }
        if let Some(c) = OpClass::ALL.iter().find(|c| !m.ns_per_op.contains_key(c.name())) {
            return Err(format!("the cost model has no cost for class {}", c.name()));
        }
        Ok(m)
    }

    /// The costs in [`OpClass::ALL`] order.
    pub fn costs(&self) -> Features {
        let mut c = [0.0; N_CLASSES];
        for (i, class) in OpClass::ALL.iter().enumerate() {
            c[i] = self.ns_per_op.get(class.name()).copied().unwrap_or(0.0);
        }
        c
    }

    /// Predicted nanoseconds for these executed ops.
    pub fn predict_ns(&self, f: &Features) -> f64 {
        self.costs().iter().zip(f).map(|(c, x)| c * x).sum()
    }
}

/// Median of |a − b| / b over pairs.
pub fn median_abs_error(pairs: &[(f64, f64)]) -> f64 {
    let mut e: Vec<f64> = pairs.iter().map(|(p, m)| ((p - m) / m).abs()).collect();
    crate::stats::median(&mut e)
}

/// Fits non-negative costs to samples, minimizing the sum of *absolute*
/// relative errors (which the median error rewards, and which one outlier
/// cannot dominate); the classes in `fixed` keep the given costs. The L1 fit
/// is iteratively reweighted least squares: 20 rounds of [`fit_weighted`],
/// each sample weighted by 1 / max(|its relative error|, 2%).
pub fn fit(samples: &[(Features, f64)], fixed: &[(OpClass, f64)]) -> Features {
    let mut weights = vec![1.0; samples.len()];
    let mut c = fit_weighted(samples, fixed, &weights);
    for _ in 0..20 {
        for (w, (x, t)) in weights.iter_mut().zip(samples) {
            let predicted: f64 = x.iter().zip(&c).map(|(a, b)| a * b).sum();
            *w = 1.0 / ((predicted - t) / t).abs().max(0.02);
        }
        c = fit_weighted(samples, fixed, &weights);
    }
    c
}

/// Fits non-negative costs minimizing the weighted sum of squared relative
/// errors; the classes in `fixed` keep the given costs. Exact: every subset
/// of the other classes allowed to be non-zero is solved by least squares,
/// and the best solution with no negative cost wins (at most 2^10 small
/// systems).
pub fn fit_weighted(samples: &[(Features, f64)], fixed: &[(OpClass, f64)], weights: &[f64]) -> Features {
    let mut base = [0.0; N_CLASSES];
    for (c, v) in fixed {
        base[*c as usize] = *v;
    }
    let free: Vec<usize> = (0..N_CLASSES).filter(|i| !fixed.iter().any(|(c, _)| *c as usize == *i)).collect();
    // Each row: x / t · c ≈ 1 − (fixed part) / t.
    let rows: Vec<(Features, f64)> = samples
        .iter()
        .map(|(x, t)| {
            let known: f64 = x.iter().zip(&base).map(|(a, b)| a * b).sum();
            (x.map(|v| v / t), 1.0 - known / t)
        })
        .zip(weights)
        .map(|((r, y), w)| (r.map(|v| v * w.sqrt()), y * w.sqrt()))
        .collect();
    let targets: Vec<f64> = weights.iter().map(|w| w.sqrt()).collect();
    let mut best: (f64, Features) = (f64::INFINITY, base);
    for mask in 0u32..(1 << free.len()) {
        let idx: Vec<usize> = (0..free.len()).filter(|k| mask & (1 << k) != 0).map(|k| free[k]).collect();
        let Some(sol) = least_squares(&rows, &idx) else { continue };
        if sol.iter().any(|&v| v < 0.0) {
            continue;
        }
        let mut c = base;
        for (k, &i) in idx.iter().enumerate() {
            c[i] = sol[k];
        }
        // The relative error of the full prediction, fixed classes included.
        let err: f64 = rows
            .iter()
            .zip(&targets)
            .map(|((r, _), one)| (r.iter().zip(&c).map(|(a, b)| a * b).sum::<f64>() - one).powi(2))
            .sum();
        if err < best.0 {
            best = (err, c);
        }
    }
    best.1
}

/// Least squares `rows[:, idx] · c ≈ y` through the normal equations;
/// `None` if they are singular.
fn least_squares(rows: &[(Features, f64)], idx: &[usize]) -> Option<Vec<f64>> {
    let n = idx.len();
    let mut a = vec![vec![0.0; n + 1]; n];
    for (r, y) in rows {
        for i in 0..n {
            for j in 0..n {
                a[i][j] += r[idx[i]] * r[idx[j]];
            }
            a[i][n] += r[idx[i]] * y;
        }
    }
    for col in 0..n {
        let piv = (col..n).max_by(|&x, &y| a[x][col].abs().total_cmp(&a[y][col].abs()))?;
        if a[piv][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, piv);
        let pivot_row = a[col].clone();
        for (r, row) in a.iter_mut().enumerate() {
            if r != col {
                let k = row[col] / pivot_row[col];
                for (x, p) in row.iter_mut().zip(&pivot_row).skip(col) {
                    *x -= k * p;
                }
            }
        }
    }
    Some((0..n).map(|i| a[i][n] / a[i][i]).collect())
}

/// Fits a model to named samples (the classes in `fixed` keep their costs)
/// and fills in each sample's prediction, its held-out prediction and the
/// two median errors.
pub fn calibrate(mut samples: Vec<Sample>, fixed: &[(OpClass, f64)], calibrated_on: String) -> CostModel {
    let data: Vec<(Features, f64)> = samples.iter().map(|s| (s.features, s.measured_ns)).collect();
    let mut model = CostModel::from_costs(&fit(&data, fixed));
    for (i, s) in samples.iter_mut().enumerate() {
        s.predicted_ns = model.predict_ns(&s.features);
        let rest: Vec<(Features, f64)> = data.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, d)| *d).collect();
        s.held_out_ns = CostModel::from_costs(&fit(&rest, fixed)).predict_ns(&s.features);
    }
    model.median_abs_error =
        median_abs_error(&samples.iter().map(|s| (s.predicted_ns, s.measured_ns)).collect::<Vec<_>>());
    model.held_out_median_abs_error =
        median_abs_error(&samples.iter().map(|s| (s.held_out_ns, s.measured_ns)).collect::<Vec<_>>());
    model.samples = samples;
    model.calibrated_on = calibrated_on;
    model
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_ops() {
        assert_eq!(op_class(&Op::Prim(Prim::Add)), OpClass::Arith);
        assert_eq!(op_class(&Op::Prim(Prim::CFetch)), OpClass::Memory);
        assert_eq!(op_class(&Op::Prim(Prim::Swap)), OpClass::Stack);
        assert_eq!(op_class(&Op::Lit(3)), OpClass::Stack);
        assert_eq!(op_class(&Op::Call(100_000)), OpClass::Call);
        let ty = crate::xt_numbering::host_xt(crate::host_words::HostWord::Type);
        assert_eq!(op_class(&Op::Call(ty)), OpClass::Host);
    }

    #[test]
    fn instrumentation_counts_calls_and_blocks() {
        let make = |xt| Function {
            xt,
            name: "W".into(),
            blocks: vec![
                Block { ops: vec![Op::Prim(Prim::Dup)], term: Term::Branch { nonzero: BlockId(1), zero: BlockId(0) } },
                Block { ops: vec![Op::Prim(Prim::Add)], term: Term::Return },
            ],
            n_loops: 0,
            n_locals: 0,
        };
        let mut f = vec![make(900)];
        let before = crate::passes::effects::infer(&f[0], &Default::default());
        assert!(before.is_some());
        let c = instrument(&mut f, 4000, false);
        assert_eq!(c.counters.len(), 4, "calls, bulk, two blocks");
        assert_eq!(f[0].blocks.len(), 3);
        assert_eq!(f[0].blocks[0].term, Term::Jump(BlockId(1)));
        assert_eq!(f[0].blocks[1].term, Term::Branch { nonzero: BlockId(2), zero: BlockId(1) });
        assert_eq!(f[0].blocks[2].ops[..2], [Op::Lit(1), Op::Lit(4012)]);
        assert!(crate::ir::verify::verify(&f[0]).is_empty());
        // The inferred effect is unchanged.
        assert_eq!(crate::passes::effects::infer(&f[0], &Default::default()), before);
        // Called twice, looped once more in block 0, block 1 ran twice.
        let words = word_costs(&c, &[2, 0, 3, 2]);
        assert_eq!(words[0].calls, 2);
        // Block 0: 3 × (dup + branch); block 1: 2 × add, whose result
        // takes its deeper input's place one cycle later (latency 2 × 1).
        // Slots: block 0 has one op (the branch; DUP is a stack op), block
        // 1 one add with latency 1, so max(1, 8 × 1) = 8: 3 × 1 + 2 × 8.
        assert_eq!(words[0].features, [2.0, 0.0, 0.0, 3.0, 0.0, 3.0, 0.0, 0.0, 2.0, 19.0]);
        // With the register convention, DUP costs nothing.
        let c = instrument(&mut [make(901)], 4000, true);
        assert_eq!(c.counters[2].classes, [0, 0, 0, 1, 0, 0, 0, 0, 0, 1], "block 0: only the branch counts");
    }

    #[test]
    fn bulk_memory_lengths_are_counted() {
        let mut f = vec![Function {
            xt: 902,
            name: "Z".into(),
            blocks: vec![Block { ops: vec![Op::Prim(Prim::Erase), Op::Prim(Prim::Fill)], term: Term::Return }],
            n_loops: 0,
            n_locals: 0,
        }];
        let before = crate::passes::effects::infer(&f[0], &Default::default());
        let c = instrument(&mut f, 100, true);
        let bulk = [Op::Lit(6), Op::Prim(Prim::RShift), Op::Lit(104), Op::Prim(Prim::AddStore)];
        let ops = &f[0].blocks[1].ops;
        assert_eq!(ops[3], Op::Prim(Prim::Dup));
        assert_eq!(ops[4..8], bulk);
        assert_eq!(ops[8], Op::Prim(Prim::Erase));
        assert_eq!(ops[9], Op::Prim(Prim::Over));
        assert_eq!(ops[14], Op::Prim(Prim::Fill));
        assert_eq!(crate::passes::effects::infer(&f[0], &Default::default()), before);
        let words = word_costs(&c, &[1, 10, 1]);
        assert_eq!(words[0].features[OpClass::Bulk as usize], 10.0);
    }

    #[test]
    fn fit_recovers_costs_and_stays_non_negative() {
        let truth = [1.0, 8.0, 2.0, 0.5, 3.0, 0.0, 10.0, 4.0, 0.25, 0.1];
        let xs: Vec<Features> = vec![
            [100.0, 1.0, 10.0, 5.0, 1.0, 50.0, 0.0, 0.0, 3.0, 7.0],
            [10.0, 0.0, 100.0, 5.0, 1.0, 20.0, 1.0, 1.0, 0.0, 1.0],
            [10.0, 2.0, 10.0, 50.0, 1.0, 5.0, 0.0, 0.0, 9.0, 2.0],
            [5.0, 0.0, 1.0, 5.0, 100.0, 40.0, 2.0, 3.0, 1.0, 0.0],
            [1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 30.0, 0.0, 0.0, 5.0],
            [50.0, 50.0, 50.0, 50.0, 50.0, 50.0, 0.0, 7.0, 2.0, 3.0],
            [7.0, 30.0, 3.0, 9.0, 2.0, 100.0, 1.0, 0.0, 0.0, 9.0],
            [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 1.0, 5.0, 100.0],
            [1.0, 0.0, 2.0, 0.0, 1.0, 0.0, 1.0, 50.0, 0.0, 4.0],
            [2.0, 1.0, 0.0, 3.0, 0.0, 1.0, 0.0, 0.0, 80.0, 2.0],
            [9.0, 0.0, 2.0, 1.0, 3.0, 0.0, 0.0, 1.0, 4.0, 60.0],
        ];
        let samples: Vec<(Features, f64)> =
            xs.iter().map(|x| (*x, x.iter().zip(&truth).map(|(a, b)| a * b).sum())).collect();
        let got = fit(&samples, &[]);
        for (g, t) in got.iter().zip(&truth) {
            assert!((g - t).abs() < 1e-6, "{got:?}");
        }
        let named = samples
            .iter()
            .enumerate()
            .map(|(i, (x, t))| Sample {
                name: i.to_string(),
                features: *x,
                measured_ns: *t,
                predicted_ns: 0.0,
                held_out_ns: 0.0,
            })
            .collect();
        let m = calibrate(named, &[], "test".into());
        // With the host cost fixed at its true value, the rest still fits.
        let fixed = fit(&samples, &[(OpClass::Host, 10.0)]);
        assert!((fixed[OpClass::Arith as usize] - 1.0).abs() < 1e-6, "{fixed:?}");
        let off = fit(&samples, &[(OpClass::Host, 20.0)]);
        assert_eq!(off[OpClass::Host as usize], 20.0);
        assert!(m.median_abs_error < 1e-9 && m.held_out_median_abs_error < 1e-6);
        let back = CostModel::from_json(&serde_json::to_string(&m).unwrap()).unwrap();
        for (a, b) in back.costs().iter().zip(m.costs()) {
            assert!((a - b).abs() <= 1e-12 * b.abs(), "the costs survive JSON");
        }
        assert!(CostModel::from_json("{\"format\":\"x\",\"ns_per_op\":{}}").is_err());
    }

    #[test]
    fn median_error() {
        assert_eq!(median_abs_error(&[(110.0, 100.0), (50.0, 100.0), (100.0, 100.0)]), 0.1);
        assert_eq!(median_abs_error(&[]), 0.0);
    }
}
