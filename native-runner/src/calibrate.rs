//! `native-runner calibrate`: fit the cost model's per-class costs to the
//! measured times of a folder of benchmarks, and save the model.
//!
//! For each `DIR/NAME/NAME.fs` (the layout of `benchmarks/programs`): one
//! counted run gives the executed ops by class, and `--runs` timed runs of
//! the built module give the median time of its entry word. The costs are a
//! non-negative least-squares fit of the relative error
//! (`compiler::cost::fit`), except for four classes whose cost is measured
//! directly by a pair of probe programs (host calls, division, bulk memory,
//! memory-stack ops: see [`PROBES`]), since only one or two benchmarks
//! exercise them and a fit without those could not price them. The report
//! lists each program's error, and its error when the program is left out
//! of the fit (leave-one-out cross-validation: a fairer estimate of the
//! error on a new program).

use std::path::PathBuf;

use anyhow::Context as _;
use compiler::cost::{self, Features, OpClass, Sample};

use crate::counting;
use crate::predict::fmt_ns;
use crate::session::Limits;

/// Fit the performance model's per-class costs (ns per executed op of each
/// class) to the measured times of the benchmarks in DIR (DIR/NAME/NAME.fs,
/// entry MAIN) and save it as JSON. Prints each program's measured and
/// predicted time and the median absolute error.
#[derive(clap::Args, Debug)]
pub struct CalibrateArgs {
    /// The benchmark folder, e.g. benchmarks/programs.
    pub dir: PathBuf,
    /// Where to save the model.
    #[arg(short, long, value_name = "FILE", default_value = "cost_model.json")]
    pub output: PathBuf,
    /// Timed runs per program (the median counts).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub runs: usize,
    /// The word to time in each program.
    #[arg(long, value_name = "WORD", default_value = "MAIN")]
    pub entry: String,
    #[command(flatten)]
    pub limits: Limits,
}

/// The benchmark programs of a folder, by name.
pub fn programs(dir: &std::path::Path) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = e?.path();
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        let fs = path.join(format!("{name}.fs"));
        if fs.is_file() {
            out.push((name, fs));
        }
    }
    out.sort();
    anyhow::ensure!(!out.is_empty(), "{} holds no NAME/NAME.fs benchmark", dir.display());
    Ok(out)
}

/// A class whose cost is measured by a probe rather than fitted, and the
/// two programs of the probe: `with` runs the class's ops in a loop,
/// `without` the same loop with them replaced by ops the fit prices anyway.
struct Probe {
    class: OpClass,
    with: &'static str,
    without: &'static str,
}

/// The probes: classes that only one or two benchmarks exercise, so that a
/// fit without those programs could not price them (division: `primes`;
/// bulk memory: `memfill`; memory-stack ops: `strings`; host calls: each
/// benchmark makes three). Their words are not inlined, so that the
/// memory-stack probe keeps its dynamic word.
const PROBES: [Probe; 4] = [
    Probe {
        class: OpClass::Host,
        // `(EMIT)`, the host word itself: `EMIT` is a deferred word over it.
        with: ": main 100000 0 do 32 (emit) loop ;",
        without: ": main 100000 0 do 32 drop loop ;",
    },
    Probe {
        class: OpClass::Divide,
        with: ": main 0 4000000 1 do 1000003 i mod + loop drop ;",
        without: ": main 0 4000000 1 do 1000003 i xor + loop drop ;",
    },
    Probe {
        class: OpClass::Bulk,
        with: "create b 65536 allot : main 4000 0 do b 65536 i fill loop ;",
        without: "create b 65536 allot : main 4000 0 do b 65536 i drop 2drop loop ;",
    },
    // `DUP 0< IF DUP THEN` makes W's effect dynamic (it is ( x -- x )
    // for the non-negative x it gets), so W keeps the memory stack.
    Probe {
        class: OpClass::Stack,
        with: ": w ( a b -- a b ) dup 0< if dup then swap over + swap swap over xor swap \
               swap over + swap swap over xor swap ;\n: main 0 1 2000000 0 do w loop 2drop ;",
        without: ": w ( a b -- a b ) dup 0< if then swap over + swap swap over xor swap \
                  swap over + swap swap over xor swap ;\n: main 0 1 2000000 0 do w loop 2drop ;",
    },
];

/// Counts and times one probe program.
fn probe_run(src: &str, limits: &Limits, runs: usize) -> anyhow::Result<(Features, f64)> {
    let path = std::env::temp_dir().join(format!("fastforth-probe-{}.fs", std::process::id()));
    std::fs::write(&path, format!("{src}\n")).context("cannot write a cost probe")?;
    let res = counting::counted_run(std::slice::from_ref(&path), None, limits);
    let _ = std::fs::remove_file(&path);
    let counted = res?;
    let t = counting::median_ns(&counting::timed_runs(&counted.module, limits, runs)?);
    Ok((counted.features, t))
}

/// The cost of one op of a probe's class: the time the `with` program takes
/// beyond the `without` one, over the ops of the class it runs beyond it.
fn probe_ns(p: &Probe, limits: &Limits, runs: usize) -> anyhow::Result<f64> {
    let limits = Limits { no_inline: true, ..limits.clone() };
    let (fw, tw) = probe_run(p.with, &limits, runs)?;
    let (fo, to) = probe_run(p.without, &limits, runs)?;
    let n = fw[p.class as usize] - fo[p.class as usize];
    anyhow::ensure!(n > 0.0, "the {} probe runs no {} op", p.class.name(), p.class.name());
    Ok(((tw - to) / n).max(0.0))
}

/// Runs the subcommand; returns the process exit code.
pub fn run(a: CalibrateArgs) -> anyhow::Result<i32> {
    anyhow::ensure!(a.runs > 0, "--runs must be at least 1");
    let mut samples = Vec::new();
    for (name, fs) in programs(&a.dir)? {
        let counted = counting::counted_run(std::slice::from_ref(&fs), Some(a.entry.clone()), &a.limits)
            .with_context(|| format!("{name}: counted run"))?;
        let times =
            counting::timed_runs(&counted.module, &a.limits, a.runs).with_context(|| format!("{name}: timed run"))?;
        let measured_ns = counting::median_ns(&times);
        eprintln!("{name}: {}", fmt_ns(measured_ns));
        samples.push(Sample { name, features: counted.features, measured_ns, predicted_ns: 0.0, held_out_ns: 0.0 });
    }
    let n_fitted = cost::N_CLASSES - PROBES.len();
    anyhow::ensure!(samples.len() >= n_fitted, "calibration needs at least {n_fitted} programs");
    let mut fixed = Vec::new();
    for p in &PROBES {
        let ns = probe_ns(p, &a.limits, a.runs).with_context(|| format!("the {} probe", p.class.name()))?;
        eprintln!("{} (probe): {}", p.class.name(), fmt_ns(ns));
        fixed.push((p.class, ns));
    }
    let on = format!(
        "{} programs of {}, -O{}, {} {}, {} timed runs each, {}",
        samples.len(),
        a.dir.display(),
        a.limits.opt_level,
        std::env::consts::ARCH,
        std::env::consts::OS,
        a.runs,
        crate::host::timestamp()
    );
    let model = cost::calibrate(samples, &fixed, on);
    println!("| program | measured | predicted | error | held-out error |");
    println!("|---|---:|---:|---:|---:|");
    for s in &model.samples {
        let err = |p: f64| format!("{:+.0}%", (p - s.measured_ns) / s.measured_ns * 100.0);
        println!(
            "| {} | {} | {} | {} | {} |",
            s.name,
            fmt_ns(s.measured_ns),
            fmt_ns(s.predicted_ns),
            err(s.predicted_ns),
            err(s.held_out_ns)
        );
    }
    let costs: Vec<String> = model.ns_per_op.iter().map(|(k, v)| format!("{k} {v:.3}")).collect();
    println!();
    println!("ns per op: {}", costs.join(", "));
    println!(
        "median absolute error: {:.1}% (fitted), {:.1}% (held out)",
        model.median_abs_error * 100.0,
        model.held_out_median_abs_error * 100.0
    );
    std::fs::write(&a.output, serde_json::to_string_pretty(&model)? + "\n")
        .with_context(|| format!("cannot write {}", a.output.display()))?;
    eprintln!("wrote {}", a.output.display());
    Ok(0)
}
