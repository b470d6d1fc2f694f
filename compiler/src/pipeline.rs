//! The optimizer's pipeline in one place: what each `-O` level turns on
//! ([`LEVELS`]), the passes over several definitions at batch and link time
//! ([`PROGRAM_PASSES`]), and the passes over each definition when its batch
//! is emitted ([`FUNCTION_PASSES`]), each in the order it runs.
//!
//! When a batch is prepared (`Forth::prepare`, before anything of it runs
//! or is linked), the batch-stage rows of [`PROGRAM_PASSES`] run first
//! (inlining works across definitions), then every definition goes through
//! [`FUNCTION_PASSES`]. When a program is linked (`Forth::link`), the
//! link-stage rows run over the whole program. Each pass runs when the
//! [`Switch`] that enables it is on. A function pass that changed something
//! leaves a [`Remark`], which `native-runner explain` and the playground
//! show ([`crate::remarks`]). In debug and test builds the IR is verified
//! after every pass, batch and link stage alike, so a pass that breaks an
//! invariant is named.
//!
//! The limits (`compiler::Limits`), `native-runner`'s options, `info`, the
//! provenance that bench and link record, and the fuzzers all turn a level
//! into settings through [`Level`], and `info` lists the passes from these
//! tables.
//!
//! Adding a pass: its file under `passes/`, and one row here.
//!
//! Guarantees: the passes run in the tables' order; a pass whose switch is
//! off does not run; the remarks name exactly the passes that changed the
//! definition.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::config::Config;
use crate::ir::{Function, Op, Xt};
use crate::passes;
use crate::passes::effects::Known;

/// One thing the optimizer did to a definition.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Remark {
    /// The pass (`tail-loops`, `inline`, `convention`...).
    pub pass: Cow<'static, str>,
    /// What it did, in a sentence without a final stop.
    pub text: String,
}

/// The remarks of one definition.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WordRemarks {
    /// The word's name (`:NONAME` for a nameless one).
    pub name: String,
    /// Where its definition starts, if known.
    pub location: Option<String>,
    /// Its inferred stack effect, `( 2 -- 1 )`, if static.
    pub effect: Option<String>,
    /// What the optimizer did, in order.
    pub remarks: Vec<Remark>,
}

/// What one `-O` level turns on. The options `--no-inline`,
/// `--no-tail-loops`, `--no-vectorize` and `--unroll` only change these
/// settings afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// [`Config::optimize`]: effect inference and the register calling
    /// convention, and the passes of [`Switch::Optimize`].
    pub optimize: bool,
    /// [`Config::inline`].
    pub inline: bool,
    /// [`Config::unroll`].
    pub unroll: usize,
    /// [`Config::tail_loops`].
    pub tail_loops: bool,
    /// [`Config::vectorize`].
    pub vectorize: bool,
}

/// The `-O` levels 0 to 3, by number; a higher number means level 3.
pub const LEVELS: [Level; 4] = [
    Level { optimize: false, inline: false, unroll: 1, tail_loops: false, vectorize: false },
    Level { optimize: true, inline: false, unroll: 1, tail_loops: false, vectorize: false },
    Level { optimize: true, inline: true, unroll: 4, tail_loops: true, vectorize: true },
    Level { optimize: true, inline: true, unroll: 4, tail_loops: true, vectorize: true },
];

/// The level of [`Config::default`] and of the tools' `-O` option.
pub const DEFAULT_LEVEL: u8 = 2;

impl Default for Config {
    /// The settings of [`DEFAULT_LEVEL`].
    fn default() -> Self {
        let level = Level::of(DEFAULT_LEVEL);
        Config {
            layout: runtime::Layout::default(),
            max_input_depth: 64,
            validate: cfg!(debug_assertions),
            optimize: level.optimize,
            inline: level.inline,
            block_file: "blocks.fb".into(),
            warn_stack_comments: false,
            unroll: level.unroll,
            tail_loops: level.tail_loops,
            vectorize: level.vectorize,
        }
    }
}

impl Level {
    /// Level `n` (above 3: 3).
    pub fn of(n: u8) -> Level {
        LEVELS[usize::from(n.min(3))]
    }

    /// `cfg` with this level's settings.
    pub fn apply(self, cfg: Config) -> Config {
        Config {
            optimize: self.optimize,
            inline: self.inline,
            unroll: self.unroll,
            tail_loops: self.tail_loops,
            vectorize: self.vectorize,
            ..cfg
        }
    }

    /// The names of the passes this level runs, in order: the batch and
    /// link passes over several definitions, then those over each one.
    pub fn passes(self) -> Vec<&'static str> {
        let cfg = self.apply(Config::default());
        let program = PROGRAM_PASSES.iter().filter(|p| p.switch.on(&cfg)).map(|p| p.name);
        program.chain(FUNCTION_PASSES.iter().filter(|p| p.switch.on(&cfg)).map(|p| p.name)).collect()
    }
}

/// The optimizer switches that a module's provenance section and a bench
/// report record for `cfg` (the settings a [`Level`] and the options gave).
pub fn recorded_passes(cfg: &Config) -> serde_json::Value {
    serde_json::json!({
        "register_signatures": cfg.optimize,
        "inline": cfg.inline,
        "unroll": cfg.unroll,
        "tail_loops": cfg.tail_loops,
        "vectorize": cfg.vectorize,
    })
}

/// The setting that turns a pass on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    /// `-O1` and above ([`Config::optimize`]).
    Optimize,
    /// `-O2` and above, off with `--no-inline` ([`Config::inline`]).
    Inline,
    /// `-O2` and above, off with `--no-tail-loops` ([`Config::tail_loops`]).
    TailLoops,
    /// `-O2` and above, off with `--no-vectorize` ([`Config::vectorize`]).
    Vectorize,
    /// `-O2` and above with a factor of 2 or more (`--unroll`,
    /// [`Config::unroll`]).
    Unroll,
}

impl Switch {
    /// Whether `cfg` turns it on.
    pub fn on(self, cfg: &Config) -> bool {
        match self {
            Switch::Optimize => cfg.optimize,
            Switch::Inline => cfg.inline,
            Switch::TailLoops => cfg.tail_loops,
            Switch::Vectorize => cfg.vectorize,
            Switch::Unroll => cfg.unroll > 1,
        }
    }
}

/// A record of what one pass did, for IR dumps and the pass filetests:
/// the IR of each definition it changed, before and after.
#[derive(Debug, Default)]
pub struct Trace {
    /// The pass traced.
    pub pass: String,
    /// (definition, IR before, IR after), in the order the pass ran.
    pub changed: Vec<(String, String, String)>,
}

impl Trace {
    /// A trace of the pass named `pass`.
    pub fn of(pass: &str) -> Trace {
        Trace { pass: pass.to_string(), changed: Vec::new() }
    }

    /// Runs `run` over `funcs`; when `trace` follows the pass `name`,
    /// records each function that it changed.
    fn around<R>(
        trace: Option<&mut Trace>,
        name: &str,
        funcs: &mut [Function],
        run: impl FnOnce(&mut [Function]) -> R,
    ) -> R {
        let Some(t) = trace.filter(|t| t.pass == name) else { return run(funcs) };
        let before: Vec<String> = funcs.iter().map(|f| f.to_string()).collect();
        let r = run(funcs);
        for (f, was) in funcs.iter().zip(before) {
            let now = f.to_string();
            if now != was {
                t.changed.push((f.name.clone(), was, now));
            }
        }
        r
    }
}

/// The names of every pass, in the tables' order.
pub fn pass_names() -> impl Iterator<Item = &'static str> {
    PROGRAM_PASSES.iter().map(|p| p.name).chain(FUNCTION_PASSES.iter().map(|p| p.name))
}

/// What a pass over one definition sees besides the definition.
pub struct Context<'a> {
    /// The effects of the definitions emitted before.
    pub known: &'a Known,
    /// The settings.
    pub cfg: &'a Config,
    /// The addresses of data space (where variables live).
    pub space: Range<u32>,
}

/// One pass over one definition.
pub struct FunctionPass {
    /// Its name in remarks.
    pub name: &'static str,
    /// What turns it on.
    pub switch: Switch,
    /// What it does, in one line (for `native-runner info`).
    pub doc: &'static str,
    /// Runs it; returns how many times it changed the definition.
    run: fn(&mut Function, &Context) -> usize,
    /// The remark for `n` changes.
    remark: fn(usize, &Context) -> String,
}

/// "1 thing" or "3 things".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// When a pass over several definitions runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// On each batch of definitions, before the function passes.
    Batch,
    /// On the whole program when it is linked.
    Link,
}

/// What the inliners keep between batches: the bodies of the definitions
/// compiled so far that can be pasted into later ones.
pub struct Inlinable<'a> {
    /// Straight-line bodies ([`passes::inline::inlinable`]).
    pub bodies: &'a mut HashMap<Xt, Vec<Op>>,
    /// Small branching definitions ([`passes::inline_graph::pastable`]).
    pub graphs: &'a mut HashMap<Xt, Function>,
    /// The effects of the definitions emitted before (a word with a loop is
    /// pasted only into a caller with a static effect).
    pub known: &'a Known,
}

/// The calls a pass replaced, as (caller, callee): the linker still counts
/// a callee as reachable from its caller.
pub type Inlined = Vec<(Xt, Xt)>;

/// One pass over several definitions: inlining.
pub struct ProgramPass {
    /// Its name.
    pub name: &'static str,
    /// When it runs.
    pub stage: Stage,
    /// What turns it on.
    pub switch: Switch,
    /// What it does, in one line (for `native-runner info`).
    pub doc: &'static str,
    /// Runs it; returns the calls it replaced, as (caller, callee).
    run: fn(&mut [Function], &mut Inlinable) -> Inlined,
}

/// The passes over several definitions, in the order they run.
pub const PROGRAM_PASSES: &[ProgramPass] = &[
    ProgramPass {
        name: "inline-small",
        stage: Stage::Batch,
        switch: Switch::Inline,
        doc: "a call of a small straight-line word (24 ops) is replaced by its body (off with --no-inline)",
        run: |funcs, keep| passes::inline::inline_small(funcs, keep.bodies),
    },
    ProgramPass {
        name: "inline-graphs",
        stage: Stage::Batch,
        switch: Switch::Inline,
        doc: "a call of a small branching word (6 blocks, 24 ops), or inside a loop of a small word with a loop (48 ops), is replaced by a copy of its blocks (off with --no-inline)",
        run: |funcs, keep| passes::inline_graph::inline_graphs(funcs, keep.graphs, keep.known),
    },
    ProgramPass {
        name: "inline-called-once",
        stage: Stage::Link,
        switch: Switch::Inline,
        doc: "a straight-line word called from one place only in the program is pasted there, whatever its size (off with --no-inline)",
        run: |funcs, _| passes::inline::inline_called_once(funcs),
    },
];

/// Runs the rows of [`PROGRAM_PASSES`] of `stage` that `cfg` turns on over
/// `funcs`; returns the calls they replaced, as (caller, callee). After a
/// batch, the definitions that later ones may inline are kept in `keep`.
/// In debug and test builds every function is verified after each pass;
/// an error names the pass.
pub fn run_program_passes(
    stage: Stage,
    funcs: &mut [Function],
    keep: &mut Inlinable,
    cfg: &Config,
    mut trace: Option<&mut Trace>,
) -> Result<Inlined, String> {
    let mut inlined = Vec::new();
    for pass in PROGRAM_PASSES.iter().filter(|p| p.stage == stage && p.switch.on(cfg)) {
        inlined.extend(Trace::around(trace.as_deref_mut(), pass.name, funcs, |funcs| (pass.run)(funcs, keep)));
        if cfg!(debug_assertions) {
            for f in funcs.iter() {
                verified(f, pass.name)?;
            }
        }
    }
    if stage == Stage::Batch && Switch::Inline.on(cfg) {
        for f in funcs.iter() {
            if let Some(body) = passes::inline::inlinable(f) {
                keep.bodies.insert(f.xt, body.to_vec());
            }
        }
    }
    Ok(inlined)
}

/// `Ok` if `f` verifies; otherwise the errors, after the pass `pass`.
fn verified(f: &Function, pass: &str) -> Result<(), String> {
    let errors = crate::ir::verify::verify(f);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("after the {pass} pass on {}: {}", f.name, errors.join("; ")))
    }
}

/// The passes over each definition, in the order they run.
pub const FUNCTION_PASSES: &[FunctionPass] = &[
    FunctionPass {
        name: "qdup-branch",
        switch: Switch::Optimize,
        doc: "?DUP before a branch becomes DUP with a DROP on one side, so the word keeps a static effect",
        run: |f, _| passes::qdup_branch::qdup_branches(f),
        remark: |n, _| format!("{} before a branch became DUP with a DROP on one side", count(n, "?DUP", "?DUPs")),
    },
    FunctionPass {
        name: "tail-loops",
        switch: Switch::TailLoops,
        doc: "a self tail call becomes a jump back to the start (off with --no-tail-loops)",
        run: |f, cx| passes::tail_loop::tail_calls_to_loops(f, cx.known),
        remark: |n, _| format!("{} became a loop", count(n, "self tail call", "self tail calls")),
    },
    FunctionPass {
        name: "self-inline",
        switch: Switch::Inline,
        doc: "a small static recursive word gets its own body pasted in place of its other self calls, twice, so one call runs up to three activations (off with --no-inline)",
        run: |f, cx| passes::self_inline::inline_self_calls(f, cx.known),
        remark: |n, _| format!("its own body pasted in place of {}", count(n, "recursive call", "recursive calls")),
    },
    FunctionPass {
        name: "popcount",
        switch: Switch::Optimize,
        doc: "Kernighan's bit-counting loop (x &= x - 1 until zero) becomes popcnt",
        run: |f, _| passes::idiom::popcount_loops(f),
        remark: |n, _| {
            format!("{} became popcnt", count(n, "Kernighan bit-counting loop", "Kernighan bit-counting loops"))
        },
    },
    FunctionPass {
        name: "unsigned-division",
        switch: Switch::Optimize,
        doc: "a division of a value proven non-negative by a positive divisor becomes unsigned",
        run: |f, cx| passes::ranges::unsigned_divisions(f, cx.known),
        remark: |n, _| {
            format!(
                "{} of a value proven non-negative by a positive divisor became unsigned",
                count(n, "division", "divisions")
            )
        },
    },
    FunctionPass {
        name: "promote",
        switch: Switch::Optimize,
        doc: "a variable that a loop reads and writes, and nothing else can reach, stays in a local across the loop",
        run: |f, cx| passes::promote::promote_variables(f, cx.known, cx.space.clone()),
        remark: |n, _| format!("{} kept in a local across a loop", count(n, "variable", "variables")),
    },
    FunctionPass {
        name: "if-convert",
        switch: Switch::Optimize,
        doc: "a small IF ... ELSE ... THEN with pure sides becomes a select",
        run: |f, cx| passes::if_convert::convert_branches(f, cx.known),
        remark: |n, _| format!("{} became selects", count(n, "branch with pure sides", "branches with pure sides")),
    },
    FunctionPass {
        name: "vectorize",
        switch: Switch::Vectorize,
        doc: "counted loops that reduce or map cell arrays run 4 trips at a time with wasm SIMD (off with --no-vectorize)",
        // Nests first: a loop gets one plan, and a nest's inner loop would take one.
        run: |f, _| passes::vectorize_nest::vectorize_nests(f) + passes::vectorize::vectorize_loops(f),
        remark: |n, _| format!("{} four trips at a time with wasm SIMD", count(n, "loop runs", "loops run")),
    },
    FunctionPass {
        name: "unroll",
        switch: Switch::Unroll,
        doc: "small innermost loops run 4 bodies per back edge (--unroll FACTOR)",
        run: |f, cx| passes::unroll::unroll_loops(f, cx.cfg.unroll, cx.known),
        remark: |n, cx| format!("{} {} times", count(n, "inner loop unrolled", "inner loops unrolled"), cx.cfg.unroll),
    },
    FunctionPass {
        name: "address-offset",
        switch: Switch::Optimize,
        doc: "a constant added to an index proven non-negative right before a load or store becomes the access's offset",
        run: |f, cx| passes::address_offset::fold_offsets(f, cx.known),
        remark: |n, _| {
            format!("{} took a constant base as the access's offset", count(n, "load or store", "loads or stores"))
        },
    },
];

/// Runs every pass of [`FUNCTION_PASSES`] that `cx.cfg` turns on over `f`,
/// in order, and returns a remark for each that changed it; `trace`
/// records the IR around the pass it follows. In debug and
/// test builds the IR is verified after each pass; an error names the pass.
pub fn run_function_passes(
    f: &mut Function,
    cx: &Context,
    mut trace: Option<&mut Trace>,
) -> Result<Vec<Remark>, String> {
    let mut remarks = Vec::new();
    for pass in FUNCTION_PASSES.iter().filter(|p| p.switch.on(cx.cfg)) {
        let n =
            Trace::around(trace.as_deref_mut(), pass.name, std::slice::from_mut(f), |fs| (pass.run)(&mut fs[0], cx));
        if n > 0 {
            remarks.push(Remark { pass: pass.name.into(), text: (pass.remark)(n, cx) });
        }
        if cfg!(debug_assertions) {
            verified(f, pass.name)?;
        }
    }
    Ok(remarks)
}

/// The remarks of each definition of a batch just prepared, by xt.
pub(crate) type Prepared = Vec<(Xt, Vec<Remark>)>;

/// A batch of definitions through the batch passes, waiting to be emitted:
/// its functions in [`Compilation::compiled`], and the plan of its module,
/// made when they were prepared, so that it sees the effects known then.
#[derive(Debug)]
pub(crate) struct PreparedBatch {
    /// Where its functions are in [`Compilation::compiled`].
    pub funcs: Range<usize>,
    /// Its module's plan.
    pub plan: crate::emit::module::Plan,
}

/// The state of compilation, which the pipeline owns: the definitions
/// waiting for their batch, the batches prepared and not yet emitted, the
/// IR of every definition prepared (what the linker links), the effects
/// known, what the inliners keep between batches and the calls they
/// replaced. The outer interpreter adds definitions to `pending` and emits
/// the prepared batches when something must run (`Forth::flush`).
#[derive(Debug, Default)]
pub(crate) struct Compilation {
    /// Definitions ended by `;` and waiting for their batch.
    pub pending: Vec<Function>,
    /// Batches through their passes and planned, but not yet emitted.
    pub prepared: Vec<PreparedBatch>,
    /// Every function prepared so far, after its batch passes, for linking.
    pub compiled: Vec<Function>,
    /// Static effects of the definitions prepared so far.
    pub effects: Known,
    /// Bodies of the small definitions prepared so far, for inlining.
    pub inline_bodies: HashMap<Xt, Vec<Op>>,
    /// Small branching definitions, pasted whole into their callers
    /// (`passes::inline_graph`).
    pub inline_graphs: HashMap<Xt, Function>,
    /// For each definition, the words inlined into it: the linker counts
    /// them as reachable, as if they were still called.
    pub inlined_calls: HashMap<Xt, Vec<Xt>>,
    /// The pass whose effect is being recorded ([`Compilation::trace_pass`]).
    pub trace: Option<Trace>,
}

impl Compilation {
    /// Runs the pending definitions through the batch passes and plans
    /// their module as one batch: their effects are known and their IR is
    /// in `compiled` from then on, but nothing is emitted. Returns where in
    /// `compiled` they are and the remarks of each (none when nothing was
    /// pending); an error is a pass that broke the IR's invariants.
    pub fn prepare(&mut self, cfg: &Config) -> Result<(Range<usize>, Prepared), String> {
        let start = self.compiled.len();
        if self.pending.is_empty() {
            return Ok((start..start, Vec::new()));
        }
        let mut funcs = std::mem::take(&mut self.pending);
        let mut keep =
            Inlinable { bodies: &mut self.inline_bodies, graphs: &mut self.inline_graphs, known: &self.effects };
        let inlined = run_program_passes(Stage::Batch, &mut funcs, &mut keep, cfg, self.trace.as_mut())?;
        for (caller, callee) in inlined {
            self.inlined_calls.entry(caller).or_default().push(callee);
        }
        let cx = Context { known: &self.effects, cfg, space: runtime::addr::DATA_START..cfg.layout.data_end() };
        let mut remarks = Vec::with_capacity(funcs.len());
        for f in &mut funcs {
            remarks.push((f.xt, run_function_passes(f, &cx, self.trace.as_mut())?));
        }
        if cfg!(debug_assertions) {
            // Also when no pass ran (-O0): nothing unverified is emitted.
            for f in &funcs {
                verified(f, "last")?;
            }
        }
        let plan =
            crate::emit::module::Plan::new(&funcs, crate::emit::module::FIRST_FUNC, &mut self.effects, cfg.optimize);
        self.compiled.extend(funcs);
        self.prepared.push(PreparedBatch { funcs: start..self.compiled.len(), plan });
        Ok((start..self.compiled.len(), remarks))
    }

    /// Runs the link-stage passes over `funcs`, the definitions an image
    /// holds; returns the calls they replaced, as (caller, callee).
    pub fn link_passes(&mut self, funcs: &mut [Function], cfg: &Config) -> Result<Inlined, String> {
        let (mut bodies, mut graphs) = (HashMap::new(), HashMap::new());
        let mut keep = Inlinable { bodies: &mut bodies, graphs: &mut graphs, known: &self.effects };
        run_program_passes(Stage::Link, funcs, &mut keep, cfg, self.trace.as_mut())
    }

    /// From now on, records what the pass named `pass` does to each
    /// definition it changes. An unknown name is an error that lists the
    /// passes.
    pub fn trace_pass(&mut self, pass: &str) -> Result<(), String> {
        if !pass_names().any(|p| p == pass) {
            return Err(format!(
                "no pass is named {pass:?}; the passes: {}",
                pass_names().collect::<Vec<_>>().join(", ")
            ));
        }
        self.trace = Some(Trace::of(pass));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_levels_gate_passes() {
        let mut names: Vec<&str> = FUNCTION_PASSES.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FUNCTION_PASSES.len());
        let off = Level::of(0).apply(Config::default());
        assert!(FUNCTION_PASSES.iter().all(|p| !p.switch.on(&off)));
        assert!(FUNCTION_PASSES.iter().all(|p| p.switch.on(&Config::default())));
        assert!(PROGRAM_PASSES.iter().all(|p| !p.switch.on(&off) && p.switch.on(&Config::default())));
    }

    #[test]
    fn the_default_config_is_the_default_level_and_levels_grow() {
        assert_eq!(Level::of(DEFAULT_LEVEL).apply(Config::default()).unroll, Config::default().unroll);
        let d = Config::default();
        assert_eq!(
            Level::of(DEFAULT_LEVEL),
            Level {
                optimize: d.optimize,
                inline: d.inline,
                unroll: d.unroll,
                tail_loops: d.tail_loops,
                vectorize: d.vectorize
            }
        );
        assert_eq!(Level::of(9), Level::of(3));
        assert!(Level::of(0).passes().is_empty());
        for n in 0..3 {
            let (lower, higher) = (Level::of(n).passes(), Level::of(n + 1).passes());
            assert!(lower.iter().all(|p| higher.contains(p)), "-O{n} runs a pass -O{} does not", n + 1);
        }
        assert!(Level::of(1).passes().contains(&"if-convert") && !Level::of(1).passes().contains(&"inline-small"));
    }

    /// `T`, which the verifier rejects: it reads a local it does not have.
    fn broken() -> Function {
        use crate::ir::test_builders::{block, func};
        let mut f = func(vec![block(vec![Op::LocalGet(crate::ir::LocalId(3))], crate::ir::Term::Return)], 0);
        f.n_locals = 0;
        f
    }

    #[test]
    fn every_stage_is_verified_after_each_pass() {
        let mut c = Compilation::default();
        c.pending.push(broken());
        let e = c.prepare(&Config::default()).unwrap_err();
        assert!(e.starts_with("after the inline-small pass on T"), "{e}");
        let e = c.link_passes(&mut [broken()], &Config::default()).unwrap_err();
        assert!(e.starts_with("after the inline-called-once pass on T"), "{e}");
        // -O0 runs no pass; the definition is still verified before its batch is planned.
        let mut c = Compilation::default();
        c.pending.push(broken());
        let e = c.prepare(&Level::of(0).apply(Config::default())).unwrap_err();
        assert!(e.starts_with("after the last pass on T"), "{e}");
        assert!(c.prepared.is_empty() && c.compiled.is_empty());
    }

    #[test]
    fn counts_read_as_english() {
        assert_eq!(count(1, "loop", "loops"), "1 loop");
        assert_eq!(count(3, "loop", "loops"), "3 loops");
    }
}
