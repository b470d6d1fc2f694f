//! `native-runner calibrate`: fit the cost model's per-class costs to the
//! measured times of a folder of benchmarks, and save the model.
//!
//! For each `DIR/NAME/NAME.fs` (the layout of `benchmarks/programs`): one
//! counted run gives the executed ops by class, and `--runs` timed runs of
//! the built module give the median time of its entry word. The costs are a
//! non-negative least-squares fit of the relative error
//! (`compiler::cost::fit`), except for host calls, whose cost is measured
//! directly (a loop of `EMIT`s), since the benchmarks make too few of them
//! for a fit. The report lists each program's error, and its
//! error when the program is left out of the fit (a fairer estimate of the
//! error on a new program).

use std::path::PathBuf;

use anyhow::Context as _;
use compiler::cost::{self, OpClass, Sample};

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

/// The cost of one host call, measured rather than fitted: benchmarks make
/// only a few (printing the result), so a fit would use the class as a
/// constant term. Times a loop of 100000 `EMIT`s to the discarded console.
fn host_call_ns(limits: &Limits, runs: usize) -> anyhow::Result<f64> {
    let path = std::env::temp_dir().join(format!("fastforth-host-cost-{}.fs", std::process::id()));
    std::fs::write(&path, ": main 100000 0 do 32 emit loop ;\n").context("cannot write the host-call probe")?;
    let res = counting::counted_run(std::slice::from_ref(&path), None, limits);
    let _ = std::fs::remove_file(&path);
    let counted = res.context("host-call probe")?;
    let t = counting::median_ns(&counting::timed_runs(&counted.module, limits, runs)?);
    let calls = counted.features[OpClass::Host as usize].max(1.0);
    Ok(t / calls)
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
    anyhow::ensure!(samples.len() >= cost::N_CLASSES, "calibration needs at least {} programs", cost::N_CLASSES);
    let host_ns = host_call_ns(&a.limits, a.runs)?;
    eprintln!("host call: {}", fmt_ns(host_ns));
    let on = format!(
        "{} programs of {}, -O{}, {} {}, {} timed runs each, {}",
        samples.len(),
        a.dir.display(),
        a.limits.opt_level,
        std::env::consts::ARCH,
        std::env::consts::OS,
        a.runs,
        crate::rfc3339::now()
    );
    let model = cost::calibrate(samples, &[(OpClass::Host, host_ns)], on);
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
