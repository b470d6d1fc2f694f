//! `native-runner predict`: the performance model's prediction for a
//! program's entry word, and whether it meets its targets.
//!
//! How: one counted run (see `counting`) gives how many ops of each class
//! the entry word executes; the cost model (the default one, calibrated on
//! `benchmarks/programs` and built into `compiler::cost::prediction`, or `--model`)
//! turns them into nanoseconds for the uninstrumented module. Module size is
//! that of the module `build` writes; memory is the module's linear memory,
//! and the data space in use after the run.
//!
//! [`predict`] is the library entry point, for reports that show the
//! prediction beside a measurement.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;
pub use compiler::cost::prediction::{fmt_ns, WordPrediction};
use compiler::cost::prediction::{Module, Prediction, DEFAULT_MODEL};
use compiler::cost::CostModel;

use crate::counting;
use crate::provenance::Format;
use crate::session::Limits;

/// Exit code of `--enforce` when a target is missed.
pub const MISSED_TARGET: i32 = 4;

/// Predict the time of one call of the entry word, the module size and the
/// memory, from one counted run and the calibrated cost model. With targets,
/// report performance_met; a missed target names the words that dominate
/// the predicted time, and with --enforce exits 4.
#[derive(clap::Args, Debug)]
pub struct PredictArgs {
    /// Forth source files, loaded in order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The word to predict [default: MAIN].
    #[arg(long, value_name = "WORD")]
    pub entry: Option<String>,
    #[command(flatten)]
    pub model: ModelArg,
    #[command(flatten)]
    pub targets: Targets,
    /// Exit 4 when a target is missed.
    #[arg(long)]
    pub enforce: bool,
    /// How many of the costliest words to list.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub limits: Limits,
}

/// The cost model to use (`predict`, `profile`, `bench`).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct ModelArg {
    /// A model file written by `native-runner calibrate` [default: built in].
    #[arg(long = "model", value_name = "FILE")]
    pub path: Option<PathBuf>,
}

impl ModelArg {
    /// Reads the model file, or the built-in model.
    pub fn load(&self) -> anyhow::Result<CostModel> {
        load_model(self.path.as_deref())
    }
}

/// The targets a prediction is checked against; each is met when the
/// predicted figure is at most the limit.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Targets {
    /// Target: predicted nanoseconds per call at most this.
    #[arg(long, value_name = "NS")]
    pub target_ns: Option<f64>,
    /// Target: predicted time at most this many times the C twin's.
    #[arg(long, value_name = "RATIO")]
    pub target_ratio_c: Option<f64>,
    /// The C twin's time in ns, for --target-ratio-c [default: build
    /// FILE.c with cc -O2 and time it, median of 3 runs].
    #[arg(long, value_name = "NS")]
    pub c_ns: Option<f64>,
    /// Target: module size in bytes at most this.
    #[arg(long, value_name = "BYTES")]
    pub max_module_bytes: Option<u64>,
    /// Target: linear memory in bytes at most this.
    #[arg(long, value_name = "BYTES")]
    pub max_memory: Option<u64>,
}

/// Reads a model file, or the built-in model.
pub fn load_model(path: Option<&Path>) -> anyhow::Result<CostModel> {
    match path {
        None => CostModel::from_json(DEFAULT_MODEL).map_err(anyhow::Error::msg),
        Some(p) => {
            let s = std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            CostModel::from_json(&s).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))
        }
    }
}

/// Predicts the entry word of a program (see the module doc).
pub fn predict(
    files: &[PathBuf],
    entry: Option<String>,
    limits: &Limits,
    model: &CostModel,
) -> anyhow::Result<Prediction> {
    let run = counting::counted_run(files, entry, limits)?;
    Ok(prediction(&run, model))
}

/// The prediction for a counted run (see [`compiler::cost::prediction`]).
pub fn prediction(run: &counting::CountedRun, model: &CostModel) -> Prediction {
    let module = Module { entry: &run.entry, bytes: run.module.len() as u64, memory_bytes: run.memory_bytes };
    Prediction::new(&module, &run.counted, model, &run.remarks)
}

/// Builds a C twin as `bench` does (`cc -O2`, or `$CC`) and times it as a
/// whole process: median of 3 runs, in ns.
fn time_c_twin(c: &Path) -> anyhow::Result<f64> {
    let dir = std::env::temp_dir().join(format!("fastforth-c-twin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let timed = (|| {
        let exe = crate::bench::c_twin::build(c, &dir)?;
        let mut times = Vec::new();
        for _ in 0..3 {
            let (_, ns) =
                crate::bench::c_twin::run_once(&exe).with_context(|| format!("the C twin {} failed", c.display()))?;
            times.push(Duration::from_nanos(ns));
        }
        Ok(counting::median_ns(&times))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    timed
}

/// Runs the subcommand; returns the process exit code.
pub fn run(a: PredictArgs) -> anyhow::Result<i32> {
    let model = a.model.load()?;
    let p = predict(&a.files, a.entry.clone(), &a.limits, &model)?;
    let t = &a.targets;
    let c_ns = match (t.target_ratio_c, t.c_ns) {
        (Some(_), Some(ns)) => Some(ns),
        (Some(_), None) => {
            let twin = a.files[0].with_extension("c");
            anyhow::ensure!(twin.exists(), "--target-ratio-c needs --c-ns or a C twin {}", twin.display());
            Some(time_c_twin(&twin)?)
        }
        _ => None,
    };
    // (target, limit, predicted): met when predicted <= limit.
    let mut targets: Vec<(&str, f64, f64)> = Vec::new();
    if let Some(ns) = t.target_ns {
        targets.push(("time (ns)", ns, p.predicted_ns));
    }
    if let (Some(r), Some(c)) = (t.target_ratio_c, c_ns) {
        targets.push(("ratio to C", r, p.predicted_ns / c));
    }
    if let Some(m) = t.max_module_bytes {
        targets.push(("module bytes", m as f64, p.module_bytes as f64));
    }
    if let Some(m) = t.max_memory {
        targets.push(("memory bytes", m as f64, p.memory_bytes as f64));
    }
    let met = (!targets.is_empty()).then(|| targets.iter().all(|(_, limit, got)| got <= limit));
    let top: Vec<&WordPrediction> = p.words.iter().take(a.top).collect();
    if a.format == Format::Json {
        let doc = serde_json::json!({
            "prediction": p,
            "c_ns": c_ns,
            "targets": targets.iter().map(|(what, limit, got)| serde_json::json!({"target": what, "limit": limit, "predicted": got, "met": got <= limit})).collect::<Vec<_>>(),
            "performance_met": met,
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        println!("entry:        {}", p.entry);
        println!(
            "predicted:    {} per call (model median error {:.0}%)",
            fmt_ns(p.predicted_ns),
            p.model_median_abs_error * 100.0
        );
        let ops: Vec<String> = p.ops.iter().map(|(k, v)| format!("{k} {v:.3e}")).collect();
        println!("executed ops: {}", ops.join(", "));
        println!("module:       {} bytes", p.module_bytes);
        println!(
            "memory:       {} bytes linear memory, {} bytes of data space in use",
            p.memory_bytes, p.data_space_bytes
        );
        println!("costliest words:");
        for w in &top {
            println!("  {:<24} {:>6.1}%  {:>12}  {} calls", w.name, w.share * 100.0, fmt_ns(w.predicted_ns), w.calls);
            if let Some(s) = &w.suggestion {
                println!("      suggestion: {s}");
            }
        }
        for (what, limit, got) in &targets {
            let verdict = if got <= limit { "met" } else { "MISSED" };
            println!("target {what}: {got:.3} (limit {limit}): {verdict}");
        }
        if let Some(m) = met {
            println!("performance_met: {m}");
        }
    }
    if met == Some(false) {
        let names: Vec<String> = top.iter().take(3).map(|w| format!("{} ({:.0}%)", w.name, w.share * 100.0)).collect();
        eprintln!("missed a target; the predicted time is dominated by {}", names.join(", "));
        if a.enforce {
            return Ok(MISSED_TARGET);
        }
    }
    Ok(0)
}
