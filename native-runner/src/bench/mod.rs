//! `native-runner bench`: authoritative timings of Forth programs.
//!
//! Each program is loaded and linked once per configuration (`--opt`),
//! compiled by Cranelift, then run as one cold iteration, `--warmup`
//! untimed ones and the timed steady-state iterations, each on a fresh
//! instance (see `measure` for the phases and the isolation). The output of
//! the cold iteration is checked against `NAME.expected` and against the C
//! twin's output before any time counts.
//!
//! Beside ours, with the same plan of iterations, three references run
//! where they exist: the C twin at `cc -O2`, natively (`c_twin`); the same
//! C compiled to wasm by clang, on the same engine (`c_wasm`); and the
//! Forth source under gforth-fast (`gforth`). Each must print the expected
//! output for its time to count. They take turns with ours: after each
//! timed iteration of ours, each reference takes one sample, so a change
//! in the machine's speed while a program is measured falls on all of them
//! and the ratios compare like with like.
//!
//! Exit codes: 0 success; 1 a program failed (error, THROW, wrong output);
//! 2 a usage or setup error; 3 ([`EXIT_REGRESSION`]) a significant
//! slowdown beyond `--tolerance` percent against `--baseline` or the
//! recorded history (`--against-history`; see `verdict`), upheld by
//! fresh confirmation runs of the same program (`--confirm`, two by
//! default, `verdict::confirm`), which the report shows beside the first
//! verdict. `--record` stores the first run only.
//!
//! `--record` stores the whole report with its provenance and samples in
//! the results store (`crate::store`; `record` makes the rows).

mod baseline;
pub mod c_twin;
mod c_wasm;
mod gforth;
mod measure;
mod process;
pub mod record;
pub mod report;
mod speed_probe;
mod targets;
pub mod verdict;

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde_json::json;

use crate::engine::{self, CRANELIFT_OPT_LEVEL, HOST_TARGET};
use crate::host;
use crate::module_cache::ModuleCache;
use crate::session::Limits;
use compiler::stats::Summary;
use measure::{Measured, Plan};
use report::{BenchResult, CTwin, Cranelift, Memory, ModelError, PredictionCmp, Provenance, Report, SCHEMA};
use targets::Program;

/// The exit code of a run slower than its baseline beyond the tolerance.
pub const EXIT_REGRESSION: i32 = 3;

/// Report formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable.
    Text,
    /// Schema fastforth.bench/1 (native-runner/schema/bench-report.v1.json).
    Json,
    /// One Markdown table.
    Markdown,
}

/// Time Forth programs on wasmtime with Cranelift, with sound statistics,
/// against their C twins and against saved baselines.
///
/// A TARGET is a Forth file (its entry word, MAIN by default, is timed), a
/// module built by `native-runner build` (.wasm or .cwasm), or a folder,
/// searched for NAME.fs with NAME.c (C twin) and NAME.expected beside.
/// Every iteration runs on a fresh instance of the compiled module;
/// instantiation is not timed. Exit codes: 0 ok, 1 a program failed or
/// printed the wrong output, 2 usage error, 3 a significant slowdown beyond
/// --tolerance against --baseline or the recorded history.
///
/// With --record, the report, its provenance and the raw samples are
/// stored in the results store (--store, FASTFORTH_STORE, or
/// $XDG_DATA_HOME/fastforth/results.sqlite); `native-runner history`
/// shows them.
#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Forth files, built modules or folders of benchmarks.
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<PathBuf>,
    /// The word to time [default: MAIN, or a module's entry].
    #[arg(long, value_name = "WORD")]
    pub entry: Option<String>,
    /// Untimed iterations after the first (cold) one.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub warmup: u32,
    /// Timed iterations [default: 10, or 1 with --time].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub iterations: Option<u32>,
    /// Keep taking timed iterations until they add up to this many seconds.
    #[arg(long, value_name = "SECONDS")]
    pub time: Option<f64>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare the samples with this saved JSON report; exit 3 on a
    /// significant slowdown beyond --tolerance.
    #[arg(long, value_name = "FILE", conflicts_with = "against_history")]
    pub baseline: Option<PathBuf>,
    /// Compare the samples with the recorded samples of the same program,
    /// machine and configuration (the last --history-runs runs) in the
    /// store; exit 3 on a significant slowdown beyond --tolerance.
    #[arg(long)]
    pub against_history: bool,
    /// How many recorded runs --against-history pools.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub history_runs: u32,
    /// The noise threshold: a significant slowdown smaller than this many
    /// percent is no regression.
    #[arg(long, value_name = "PCT", default_value_t = 5.0)]
    pub tolerance: f64,
    /// The quantile of the samples that regression verdicts compare: the
    /// 10th percentile resists other load on the machine; 0.5 compares
    /// medians. Against three or more recorded runs with the speed probe,
    /// the median of the normalized samples is compared instead.
    #[arg(long, value_name = "Q", default_value_t = verdict::DEFAULT_QUANTILE)]
    pub quantile: f64,
    /// The significance level of the regression test (the bootstrap
    /// interval of the ratio is at 1 - ALPHA).
    #[arg(long, value_name = "ALPHA", default_value_t = 0.01)]
    pub alpha: f64,
    /// When a verdict is a regression, measure the program again up to N
    /// times (fresh runs, each judged against the same earlier runs) and
    /// report the regression only when more than half of all the runs,
    /// the first among them, show it; the re-runs stop as soon as that is
    /// decided. 0 takes the first verdict as it is.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub confirm: u32,
    /// Compare raw times: do not scale the earlier samples by the
    /// machine-speed probe (which makes a machine that got slower as a
    /// whole look like no change of the code).
    #[arg(long)]
    pub no_speed_adjust: bool,
    /// Store the report, its provenance and its samples in the results store.
    #[arg(long)]
    pub record: bool,
    /// The results store: a SQLite file or a postgres:// URL [default:
    /// FASTFORTH_STORE, or $XDG_DATA_HOME/fastforth/results.sqlite].
    #[arg(long, value_name = "STORE")]
    pub store: Option<String>,
    /// This machine's name in the store [default: FASTFORTH_MACHINE, or
    /// the host name].
    #[arg(long, value_name = "NAME")]
    pub machine: Option<String>,
    /// Also write the JSON report here, for a later --baseline.
    #[arg(long, value_name = "FILE")]
    pub save_baseline: Option<PathBuf>,
    /// Compile this C file with cc -O2, check its output equals ours, and
    /// report the time ratio (one program only; folders find twins alone).
    #[arg(long, value_name = "FILE.c")]
    pub compare_c: Option<PathBuf>,
    /// Compiler optimization level for an A/B run: give it twice (--opt 0
    /// --opt 3) to measure both configurations [default: -O's level].
    #[arg(long = "opt", value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt: Vec<u8>,
    /// The limits and compiler options of `run` (--timeout applies to each
    /// iteration).
    #[command(flatten)]
    pub limits: Limits,
    /// The gforth to compare with, as a command (split at spaces), or
    /// `none` [default: gforth-fast, when it is on the PATH].
    #[arg(long, value_name = "CMD")]
    pub gforth: Option<String>,
    /// Do not compile the C twins to wasm with clang (done by default when
    /// clang and a wasi-libc are installed).
    #[arg(long)]
    pub no_c_wasm: bool,
    /// The performance model shown beside each measurement.
    #[command(flatten)]
    pub model: crate::predict::ModelArg,
    /// Skip the prediction (it costs one extra, instrumented, run of each
    /// source program per configuration, not timed).
    #[arg(long)]
    pub no_predict: bool,
    /// Also print (on stderr) a playground link, BASE_URL#share=..., whose
    /// fragment carries the source and this report (one source file only).
    #[arg(long, value_name = "BASE_URL")]
    pub link: Option<String>,
}

impl BenchArgs {
    fn limits(&self, opt_level: u8) -> Limits {
        Limits { opt_level, ..self.limits.clone() }
    }

    fn plan(&self) -> Plan {
        let iterations = self.iterations.unwrap_or(if self.time.is_some() { 1 } else { 10 });
        Plan { warmup: self.warmup, iterations, time: self.time, entry: self.entry.clone() }
    }

    fn opt_levels(&self) -> Vec<u8> {
        if self.opt.is_empty() {
            vec![self.limits.opt_level]
        } else {
            self.opt.clone()
        }
    }
}

fn provenance(args: &BenchArgs, refs: &References) -> Provenance {
    let plan = args.plan();
    let options: BTreeMap<String, serde_json::Value> = [
        ("warmup", json!(plan.warmup)),
        ("iterations", json!(plan.iterations)),
        ("time_s", json!(plan.time)),
        ("tolerance_pct", json!(args.tolerance)),
        ("alpha", json!(args.alpha)),
        ("quantile", json!(args.quantile)),
        ("confirm", json!(args.confirm)),
        ("opt_levels", json!(args.opt_levels())),
        ("inline", json!(!args.limits.no_inline)),
        ("unroll", json!(args.limits.unroll)),
        ("tail_loops", json!(!args.limits.no_tail_loops)),
        ("vectorize", json!(!args.limits.no_vectorize)),
        ("memory_mib", json!(args.limits.memory)),
        ("timeout_s", json!(args.limits.timeout)),
        ("entry", json!(args.entry)),
        ("module_cache", json!(!args.limits.no_cache)),
        ("c_compiler", json!(c_twin::compiler())),
        ("c_wasm_compiler", json!(refs.c_wasm_compiler())),
        ("gforth", json!(refs.gforth.as_deref().map(gforth::describe))),
        ("interruptible", json!(args.limits.interruptible())),
        ("checks", json!(engine::Checks::for_time_limit(args.limits.interruptible()).name())),
        ("engine_experiment", json!(engine::experiment::from_env())),
        ("predict", json!(!args.no_predict)),
        ("model", json!(args.model.path.as_ref().map_or("built in".into(), |p| p.display().to_string()))),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Provenance {
        tool_version: host::TOOL_VERSION.into(),
        git_revision: host::GIT_REVISION.into(),
        wasmtime_version: host::WASMTIME_VERSION.into(),
        target_triple: HOST_TARGET.into(),
        cranelift: Cranelift {
            opt_level: CRANELIFT_OPT_LEVEL.into(),
            target_triple: HOST_TARGET.into(),
            cpu_features: engine::host_cpu_features().into_iter().map(String::from).collect(),
        },
        cpu_model: host::cpu_model(),
        cores: host::cores(),
        os: host::os(),
        timestamp: host::timestamp(),
        load_average: host::load_average(),
        options,
        isolation: "each iteration runs on a fresh wasmtime store and a fresh instance of the same compiled \
                    module, so memory, globals and table start from the linked snapshot; instantiation is \
                    excluded from the timings"
            .into(),
    }
}

/// The references this run compares with, besides each program's C twin.
struct References {
    /// Why clang cannot compile twins to wasm (`None`: it can).
    c_wasm_unavailable: Option<String>,
    /// The gforth command.
    gforth: Option<Vec<String>>,
}

impl References {
    /// Finds what is there; clang is probed (one compile) only when some
    /// program has a C twin to compile.
    fn probe(args: &BenchArgs, progs: &[Program], tmp: &std::path::Path) -> References {
        let c_wasm_unavailable = if args.no_c_wasm {
            Some("turned off by --no-c-wasm".into())
        } else if progs.iter().all(|p| p.c_twin.is_none()) {
            Some("no program has a C twin".into())
        } else {
            c_wasm::unavailable(tmp)
        };
        References { c_wasm_unavailable, gforth: gforth::command(args.gforth.as_deref()) }
    }

    fn c_wasm_compiler(&self) -> String {
        match &self.c_wasm_unavailable {
            None => c_wasm::compiler(),
            Some(why) => format!("unavailable: {why}"),
        }
    }
}

/// How a reference runs.
enum Runner {
    /// The C twin's binary.
    Native(PathBuf),
    /// The C twin compiled to wasm, with the time limit in ticks.
    Wasm(c_wasm::Twin, Option<u64>),
    /// gforth on the source, with the entry word.
    Gforth(Vec<String>, PathBuf, String),
}

impl Runner {
    fn run_once(&self) -> anyhow::Result<(Vec<u8>, u64)> {
        match self {
            Runner::Native(bin) => c_twin::run_once(bin),
            Runner::Wasm(twin, deadline) => twin.run_once(*deadline),
            Runner::Gforth(cmd, file, entry) => gforth::run_once(cmd, file, entry),
        }
    }
}

/// What one reference of one program did.
struct CRun {
    path: PathBuf,
    compiler: String,
    output: Vec<u8>,
    /// Its warm-up runs are done.
    warm: bool,
    samples: Vec<u64>,
    steady: Option<Summary>,
    runner: Runner,
}

impl CRun {
    /// Runs the reference once for its output.
    fn first(path: &std::path::Path, compiler: String, runner: Runner) -> anyhow::Result<CRun> {
        let (output, _) = runner.run_once()?;
        Ok(CRun { path: path.to_path_buf(), compiler, output, warm: false, samples: Vec::new(), steady: None, runner })
    }

    /// Takes one timed sample (after the warm-up runs, the first time),
    /// unless the reference was already timed.
    fn sample(&mut self, plan: &Plan) -> anyhow::Result<()> {
        if self.steady.is_some() {
            return Ok(());
        }
        if !self.warm {
            for _ in 0..plan.warmup {
                self.runner.run_once()?;
            }
            self.warm = true;
        }
        self.samples.push(self.runner.run_once()?.1);
        Ok(())
    }

    /// Takes samples until the plan has enough, then summarizes them; a
    /// reference is timed once, with the first configuration of ours.
    fn time(&mut self, plan: &Plan) -> anyhow::Result<()> {
        if self.steady.is_some() {
            return Ok(());
        }
        while !plan.enough(&self.samples) {
            self.sample(plan)?;
        }
        self.steady = Summary::of(&self.samples);
        Ok(())
    }

    fn figures(&self, ours: &Summary) -> Option<CTwin> {
        let s = self.steady.clone()?;
        Some(CTwin {
            path: self.path.display().to_string(),
            compiler: self.compiler.clone(),
            ratio: report::ratio(ours.median_ns, s.median_ns),
            steady: s,
            output_matches: true,
        })
    }
}

/// One program's references: the C twin natively and as wasm, and gforth.
#[derive(Default)]
struct Twins {
    c: Option<CRun>,
    c_wasm: Option<CRun>,
    gforth: Option<CRun>,
}

impl Twins {
    /// Builds and runs each reference once; a C twin (native or wasm) that
    /// prints other than `expected` is an error, a gforth that does is left
    /// out with a warning (a 64-bit gforth wraps around differently).
    #[allow(clippy::too_many_arguments)]
    fn first(
        prog: &Program,
        entry: &str,
        expected: Option<&[u8]>,
        refs: &References,
        engine: &wasmtime::Engine,
        limits: &Limits,
        tmp: &std::path::Path,
        warn: &dyn Fn(String),
    ) -> anyhow::Result<Twins> {
        let mut t = Twins::default();
        if let Some(c) = &prog.c_twin {
            t.c = Some(CRun::first(c, c_twin::compiler(), Runner::Native(c_twin::build(c, tmp)?))?);
            if refs.c_wasm_unavailable.is_none() {
                let twin = c_wasm::build(engine, c, tmp)?;
                let deadline = engine::deadline_ticks(Some(limits.timeout));
                t.c_wasm = Some(CRun::first(c, c_wasm::compiler(), Runner::Wasm(twin, deadline))?);
            }
        }
        if let (Some(cmd), false) = (&refs.gforth, prog.is_module) {
            let runner = Runner::Gforth(cmd.clone(), prog.file.clone(), entry.to_string());
            match CRun::first(&prog.file, gforth::describe(cmd), runner) {
                Ok(g) if expected.is_none_or(|w| g.output == w) => t.gforth = Some(g),
                Ok(_) => warn(format!("{}: gforth printed other output; its time is left out", prog.name)),
                Err(e) => warn(format!("{}: gforth failed, its time is left out: {e:#}", prog.name)),
            }
        }
        for (what, r) in [("C twin", &t.c), ("C twin compiled to wasm", &t.c_wasm)] {
            if let (Some(r), Some(want), Some(path)) = (r, expected, &prog.expected) {
                anyhow::ensure!(r.output == want, "the {what}'s output differs from {}", file_name(path));
            }
        }
        Ok(t)
    }

    fn all(&mut self) -> impl Iterator<Item = &mut CRun> {
        [&mut self.c, &mut self.c_wasm, &mut self.gforth].into_iter().flatten()
    }

    /// One sample of each reference not yet timed: called between the
    /// samples of ours, so that all of them take turns.
    fn sample(&mut self, plan: &Plan) -> anyhow::Result<()> {
        self.all().try_for_each(|r| r.sample(plan))
    }

    /// Completes each reference's samples to the plan.
    fn time(&mut self, plan: &Plan) -> anyhow::Result<()> {
        self.all().try_for_each(|r| r.time(plan))
    }
}

/// Checks an output against the program's references.
fn verify(
    prog: &Program,
    expected: Option<&[u8]>,
    c: Option<(&[u8], &Path)>,
    out: &[u8],
) -> anyhow::Result<Vec<String>> {
    let mut against = Vec::new();
    if let (Some(want), Some(path)) = (expected, &prog.expected) {
        anyhow::ensure!(
            out == want,
            "the output {:?} differs from {} ({:?})",
            String::from_utf8_lossy(out),
            path.display(),
            String::from_utf8_lossy(want)
        );
        against.push(file_name(path));
    }
    if let Some((c_output, c_path)) = c {
        anyhow::ensure!(
            out == c_output,
            "the output {:?} differs from the C twin's ({:?})",
            String::from_utf8_lossy(out),
            String::from_utf8_lossy(c_output)
        );
        against.push(format!("the C twin {}", file_name(c_path)));
    }
    Ok(against)
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn result(prog: &Program, config: String, m: Measured, against: Vec<String>, twins: &Twins) -> BenchResult {
    let steady = Summary::of(&m.samples).expect("at least one timed iteration");
    let figures = |r: &Option<CRun>| r.as_ref().and_then(|r| r.figures(&steady));
    let (c, c_wasm, gforth) = (figures(&twins.c), figures(&twins.c_wasm), figures(&twins.gforth));
    BenchResult {
        name: prog.name.clone(),
        config,
        entry: m.entry,
        source: m.sources.last().map(|s| s.file.clone()),
        source_sha256: m.sources.last().map(|s| s.sha256.clone()),
        sources: m.sources,
        module_sha256: compiler::digest::sha256_hex(&m.module),
        module_bytes: m.module.len() as u64,
        compiler_options: m.options,
        output_verified: !against.is_empty(),
        verified_against: against,
        phases_ns: m.phases,
        cold_ns: m.cold_ns,
        steady,
        speed_probe_ns: m.probe,
        memory: Memory {
            linear_memory_pages: m.pages,
            linear_memory_bytes: m.pages * 65536,
            peak_rss_bytes: host::peak_rss_bytes(),
        },
        c,
        c_wasm,
        gforth,
        baseline: None,
        prediction: None,
    }
}

fn progress(total: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(total);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    pb.set_style(style);
    pb
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: BenchArgs) -> anyhow::Result<i32> {
    let progs = targets::resolve(&args.targets, args.compare_c.as_deref())?;
    let base = match &args.baseline {
        Some(p) => Some(
            Report::parse(&std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?)
                .with_context(|| format!("{} is not a bench report", p.display()))?,
        ),
        None => None,
    };
    if args.link.is_some() {
        anyhow::ensure!(
            progs.len() == 1 && !progs[0].is_module,
            "--link carries one program's source: give exactly one Forth file"
        );
    }
    let model = match args.no_predict {
        true => None,
        false => Some(args.model.load()?),
    };
    let plan = args.plan();
    let levels = args.opt_levels();
    let engine = engine::engine(engine::Checks::for_time_limit(args.limits.interruptible()))?;
    let cache = crate::session::cache(&args.limits);
    let tmp = std::env::temp_dir().join(format!("fastforth-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
    let refs = References::probe(&args, &progs, &tmp);
    let configs = |p: &Program| if p.is_module { 1 } else { levels.len() as u64 };
    let pb = progress(progs.iter().map(configs).sum());
    let mut report = Report { schema: SCHEMA.into(), provenance: provenance(&args, &refs), results: Vec::new() };
    let mut failed = false;
    // The program and level of each result, to measure it again.
    let mut origins: Vec<(&Program, u8)> = Vec::new();
    for prog in &progs {
        let ctx = Context {
            args: &args,
            plan: &plan,
            levels: &levels,
            engine: &engine,
            cache: cache.as_ref(),
            refs: &refs,
            tmp: &tmp,
            pb: &pb,
            model: model.as_ref(),
        };
        let before = report.results.len();
        let res = bench_program(&ctx, prog, &mut report);
        let level = |k: usize| if prog.is_module { 2 } else { levels[k] };
        origins.extend((0..report.results.len() - before).map(|k| (prog, level(k))));
        if let Err(e) = res {
            pb.suspend(|| eprintln!("error: {}: {e:#}", prog.name));
            failed = true;
        }
    }
    pb.finish_and_clear();
    let machine = record::machine_name(args.machine.as_deref());
    let mut store = match args.record || args.against_history {
        true => Some(crate::store::Store::open(&crate::store::Location::resolve(args.store.as_deref())?)?),
        false => None,
    };
    let test = baseline::Test {
        quantile: args.quantile,
        noise_pct: args.tolerance,
        alpha: args.alpha,
        adjust: !args.no_speed_adjust,
        confirm: args.confirm,
    };
    let again = |i: usize| {
        let (prog, level) = origins[i];
        eprintln!("note: {} [{}] looks slower; measuring it again to confirm", prog.name, report_config(prog, level));
        rerun(&args, &plan, &engine, cache.as_ref(), prog, level)
    };
    let regressed = match (&base, &mut store) {
        (Some(b), _) => {
            let path = args.baseline.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
            baseline::compare(&mut report, |r, _| Ok(baseline::from_report(b, &path, r)), &test, again)?
        }
        (None, Some(st)) if args.against_history => {
            let n = args.history_runs as usize;
            let earlier = |r: &BenchResult, rep: &Report| {
                let runs = record::history_runs(st, r, rep, &machine, n)?;
                let against = format!("history ({} runs)", runs.len());
                Ok((!runs.is_empty()).then_some(baseline::Earlier { runs, against }))
            };
            baseline::compare(&mut report, earlier, &test, again)?
        }
        _ => Vec::new(),
    };
    let _ = std::fs::remove_dir_all(&tmp);
    if let (true, Some(st)) = (args.record, &mut store) {
        let (run, rows) = record::rows(&report, &machine)?;
        let id = st.record_run(&run, &rows)?;
        eprintln!("recorded run {id} ({} results, machine {machine}) in {}", rows.len(), st.location().display());
    }
    let text = match args.format {
        Format::Text => report.to_text(),
        Format::Json => report.to_json(),
        Format::Markdown => report.to_markdown(),
    };
    match &args.output {
        Some(p) => std::fs::write(p, &text).with_context(|| format!("cannot write {}", p.display()))?,
        None => print!("{text}"),
    }
    if let Some(p) = &args.save_baseline {
        std::fs::write(p, report.to_json()).with_context(|| format!("cannot write {}", p.display()))?;
    }
    if let Some(base) = &args.link {
        eprintln!("link: {}", share_link(base, &progs[0], &report, &args)?);
    }
    if !regressed.is_empty() {
        let what = if args.against_history { "the recorded history" } else { "the baseline" };
        eprintln!("error: significantly slower than {what} by more than {}%: {}", args.tolerance, regressed.join(", "));
    }
    Ok(if failed {
        1
    } else if !regressed.is_empty() {
        EXIT_REGRESSION
    } else {
        0
    })
}

/// The configuration's name in reports: `artifact` for a built module,
/// else the level.
fn report_config(prog: &Program, level: u8) -> String {
    if prog.is_module {
        "artifact".into()
    } else {
        format!("O{level}")
    }
}

/// The output `prog` must print, when it has an expected-output file.
fn expected_output(prog: &Program) -> anyhow::Result<Option<Vec<u8>>> {
    match &prog.expected {
        Some(p) => Ok(Some(std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?)),
        None => Ok(None),
    }
}

/// Measures one program under one configuration again, by the same plan
/// but without the references, for a confirmation (`--confirm`): a fresh
/// load, compile and run whose output is checked as the first one's was.
fn rerun(
    args: &BenchArgs,
    plan: &Plan,
    engine: &wasmtime::Engine,
    cache: Option<&ModuleCache>,
    prog: &Program,
    level: u8,
) -> anyhow::Result<baseline::EarlierRun> {
    let expected = expected_output(prog)?;
    let mut check = |out: &[u8]| verify(prog, expected.as_deref(), None, out).map(drop);
    let hooks = measure::Hooks { check: &mut check, tick: &mut || {}, between: &mut || Ok(()) };
    let m = measure::measure(engine, cache, prog, &args.limits(level), plan, hooks)?;
    Ok(baseline::EarlierRun { samples: m.samples, probe: m.probe })
}

/// A playground link carrying the program's source, the settings it was
/// measured with, and the report (`compiler::share_link`).
fn share_link(base: &str, prog: &Program, report: &Report, args: &BenchArgs) -> anyhow::Result<String> {
    let source = std::fs::read_to_string(&prog.file).with_context(|| format!("cannot read {}", prog.file.display()))?;
    // The playground boots with these limits and loads the source under the
    // report's `source` name, so that it links the module measured here.
    let limits = compiler::Limits { opt_level: args.opt_levels()[0], ..args.limits.shared() };
    let settings = json!({
        "entry": args.entry.as_deref().unwrap_or("MAIN"),
        "opt_level": args.opt_levels()[0],
        "limits": limits,
    });
    let shared = compiler::share_link::Shared {
        source,
        settings: Some(settings),
        bench: None,
        native_report: Some(serde_json::to_value(report)?),
    };
    compiler::share_link::link(base, &shared).context("cannot make the playground link")
}

/// What every program of a run shares.
struct Context<'a> {
    args: &'a BenchArgs,
    plan: &'a Plan,
    levels: &'a [u8],
    engine: &'a wasmtime::Engine,
    cache: Option<&'a ModuleCache>,
    refs: &'a References,
    tmp: &'a std::path::Path,
    pb: &'a indicatif::ProgressBar,
    model: Option<&'a compiler::cost::CostModel>,
}

/// The model's prediction for a source program under `limits`, compared
/// with the measured median: one counted run of the instrumented build
/// (see `counting`), untimed.
fn predict(
    prog: &Program,
    entry: Option<String>,
    limits: &Limits,
    model: &compiler::cost::CostModel,
    module: &[u8],
    median_ns: u64,
) -> anyhow::Result<PredictionCmp> {
    let t = std::time::Instant::now();
    let run = crate::counting::counted_run(std::slice::from_ref(&prog.file), entry, limits)?;
    let counted_run_ns = t.elapsed().as_nanos() as u64;
    let p = crate::predict::prediction(&run, model);
    Ok(PredictionCmp {
        predicted_ns: p.predicted_ns,
        error_pct: (p.predicted_ns - median_ns as f64) / (median_ns.max(1) as f64) * 100.0,
        ops: p.ops,
        top_words: p.words.iter().take(3).map(|w| (w.name.clone(), w.share)).collect(),
        model: model.calibrated_on.clone(),
        model_error_pct: ModelError {
            fitted: model.median_abs_error * 100.0,
            held_out: model.held_out_median_abs_error * 100.0,
        },
        same_module: run.module == module,
        counted_run_ns,
    })
}

/// Measures one program under every configuration, adding its results.
fn bench_program(ctx: &Context, prog: &Program, report: &mut Report) -> anyhow::Result<()> {
    let Context { args, plan, levels, engine, cache, refs, tmp, pb, model } = *ctx;
    let expected = expected_output(prog)?;
    pb.set_message(format!("{} [references]", prog.name));
    let warn = |w: String| pb.suspend(|| eprintln!("warning: {w}"));
    let entry = args.entry.as_deref().unwrap_or("MAIN");
    let mut twins = Twins::first(prog, entry, expected.as_deref(), refs, engine, &args.limits, tmp, &warn)?;
    let configs: Vec<(String, u8)> = match prog.is_module {
        true => vec![(report_config(prog, 2), 2)],
        false => levels.iter().map(|&l| (report_config(prog, l), l)).collect(),
    };
    for (label, level) in configs {
        let mut n = 0u32;
        pb.set_message(format!("{} [{label}]", prog.name));
        let mut tick = || {
            n += 1;
            pb.set_message(format!("{} [{label}] iteration {n}", prog.name));
        };
        let mut against = Vec::new();
        let c_twin = twins.c.as_ref().map(|c| (c.output.clone(), c.path.clone()));
        let mut check = |out: &[u8]| -> anyhow::Result<()> {
            let c = c_twin.as_ref().map(|(o, p)| (o.as_slice(), p.as_path()));
            against = verify(prog, expected.as_deref(), c, out)?;
            Ok(())
        };
        // The references take their samples in turn with ours, one of each
        // per round, so that a change in the machine's speed while the
        // program is measured (a neighbour on a shared host, a frequency
        // step) falls on all of them alike and their ratios stay true.
        let mut between = || twins.sample(plan);
        let hooks = measure::Hooks { check: &mut check, tick: &mut tick, between: &mut between };
        let m = measure::measure(engine, cache, prog, &args.limits(level), plan, hooks)?;
        pb.set_message(format!("{} [references]", prog.name));
        twins.time(plan)?;
        let module = m.module.clone();
        let mut res = result(prog, label, m, against, &twins);
        if let (Some(model), false) = (model, prog.is_module) {
            pb.set_message(format!("{} [{}] counted run", prog.name, res.config));
            let limits = args.limits(level);
            res.prediction = Some(
                predict(prog, args.entry.clone(), &limits, model, &module, res.steady.median_ns)
                    .context("the performance model's counted run")?,
            );
        }
        report.results.push(res);
        pb.inc(1);
    }
    Ok(())
}
