//! The bench report: its data (schema `fastforth.bench/1`, documented in
//! `native-runner/schema/bench-report.v1.json`) and its text, JSON and
//! Markdown renderings.
//!
//! Guarantees: the JSON rendering always carries `schema`, `provenance` and
//! `results` with the fields the schema requires; times are integer
//! nanoseconds except the means, deviations and rates, which are floats.
//! A report read back with [`Report::parse`] is a baseline.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use compiler::stats::{geometric_mean, Summary};

/// The schema identifier of this report format.
pub const SCHEMA: &str = "fastforth.bench/1";

/// A whole report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where, how and with what the numbers were measured.
    pub provenance: Provenance,
    /// One entry per program and configuration.
    pub results: Vec<BenchResult>,
}

/// Where, how and with what the numbers were measured.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Provenance {
    /// The runner's version.
    pub tool_version: String,
    /// The git commit the runner was built from, or `unknown`.
    pub git_revision: String,
    /// The wasmtime version.
    pub wasmtime_version: String,
    /// The target triple the code was compiled for.
    pub target_triple: String,
    /// Cranelift's settings.
    pub cranelift: Cranelift,
    /// The host CPU's model name.
    pub cpu_model: String,
    /// Cores available to the runner.
    pub cores: u32,
    /// The operating system.
    pub os: String,
    /// When the run started (RFC 3339).
    pub timestamp: String,
    /// The system load averages (1, 5, 15 minutes) when the run started;
    /// high values mean other work shared the cores.
    #[serde(default)]
    pub load_average: Option<[f64; 3]>,
    /// The bench options (warm-up, iterations, tolerance, ...).
    pub options: BTreeMap<String, serde_json::Value>,
    /// How iterations are isolated from each other.
    pub isolation: String,
}

/// Cranelift's settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Cranelift {
    /// The optimization level (`speed`).
    pub opt_level: String,
    /// The target triple.
    pub target_triple: String,
    /// The CPU features it detected and may use.
    pub cpu_features: Vec<String>,
}

/// The measurements of one program under one configuration.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BenchResult {
    /// The program (file stem).
    pub name: String,
    /// The configuration label (`O2`, or `artifact` for a built module).
    pub config: String,
    /// The word that was timed.
    pub entry: String,
    /// The source file: the target when it was Forth source, the last
    /// source a module's provenance section records when it was a module.
    pub source: Option<String>,
    /// The sha256 of that source (hex), when there is one.
    pub source_sha256: Option<String>,
    /// Every source of the timed code with its sha256: the target, or the
    /// ones a module records, in load order.
    #[serde(default)]
    pub sources: Vec<crate::bench::measure::SourceRef>,
    /// The sha256 of the linked module (hex).
    pub module_sha256: String,
    /// The linked module's size.
    pub module_bytes: u64,
    /// The compiler options the module was built with.
    pub compiler_options: BTreeMap<String, String>,
    /// Whether the output was checked and found equal to the reference.
    pub output_verified: bool,
    /// What the output was checked against (an `.expected` file, the C twin).
    pub verified_against: Vec<String>,
    /// Phase times: `front_end`, `compile`, `cache_load`, `instantiate`.
    pub phases_ns: BTreeMap<String, u64>,
    /// The first run on a fresh instance right after compiling.
    pub cold_ns: u64,
    /// Steady-state samples after the warm-up.
    pub steady: Summary,
    /// The machine-speed probe's time (ns) right before each steady-state
    /// sample, in the same order (`speed_probe.rs`); empty in reports of
    /// older runners.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub speed_probe_ns: Vec<u64>,
    /// Memory use.
    pub memory: Memory,
    /// The C twin's time at `cc -O2`, natively, when there is one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub c: Option<CTwin>,
    /// The C twin compiled to wasm by clang, on the same engine as ours,
    /// when clang and a wasi-libc are installed.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub c_wasm: Option<CTwin>,
    /// The source under gforth-fast, when it is installed and printed the
    /// expected output.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub gforth: Option<CTwin>,
    /// The comparison with `--baseline`, when given.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub baseline: Option<BaselineCmp>,
    /// The performance model's prediction for this program and its error
    /// against the measured median (source targets, unless `--no-predict`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub prediction: Option<PredictionCmp>,
}

/// The performance model's prediction beside the measurement.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PredictionCmp {
    /// Predicted nanoseconds for one call of the entry word.
    pub predicted_ns: f64,
    /// `(predicted − measured median) / measured median`, in percent.
    pub error_pct: f64,
    /// Executed ops by class in the counted run.
    pub ops: BTreeMap<String, f64>,
    /// The words that dominate the predicted time, costliest first (at
    /// most three), with their share of it.
    pub top_words: Vec<(String, f64)>,
    /// Where the model was calibrated (`calibrated_on` of the model file).
    pub model: String,
    /// The model's median absolute error, in percent, on the programs it
    /// was fitted to, and with each program left out of the fit.
    pub model_error_pct: ModelError,
    /// Whether the counted (instrumented) build came from the same module
    /// that was timed (the sha256 of the plain link is compared).
    pub same_module: bool,
    /// Wall time of loading, linking and running the instrumented build:
    /// the price of the prediction.
    pub counted_run_ns: u64,
}

/// A model's median absolute errors, in percent.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ModelError {
    /// On the programs it was fitted to.
    pub fitted: f64,
    /// With each program predicted by a fit without it.
    pub held_out: f64,
}

/// Memory use of one program.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Memory {
    /// The largest linear memory seen after a run, in 64 KiB pages.
    pub linear_memory_pages: u64,
    /// The same in bytes.
    pub linear_memory_bytes: u64,
    /// The runner process's peak resident set after this program (it
    /// includes the compiler and every earlier program of the run).
    pub peak_rss_bytes: Option<u64>,
}

/// A reference implementation's figures: the C twin, natively or as wasm,
/// or gforth.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CTwin {
    /// The C file (the Forth source, for gforth).
    pub path: String,
    /// How it was compiled (the command, for gforth).
    pub compiler: String,
    /// Its times: whole process runs (start to exit) natively and for
    /// gforth; the `_start` call on a fresh instance for wasm.
    pub steady: Summary,
    /// Our median over its median.
    pub ratio: f64,
    /// Whether its output equals ours.
    pub output_matches: bool,
}

/// The comparison with a saved baseline.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BaselineCmp {
    /// The baseline's median.
    pub median_ns: u64,
    /// The change of the median, in percent (positive: slower).
    pub change_pct: f64,
    /// The tolerance in percent.
    pub tolerance_pct: f64,
    /// Whether the slowdown is significant and beyond the tolerance.
    pub regressed: bool,
    /// What was compared with: `baseline FILE` or `history (N runs)`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub against: Option<String>,
    /// The statistical test's figures (absent in reports of older runners).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub verdict: Option<super::verdict::Verdict>,
    /// How much slower the machine ran now than when the earlier samples
    /// were taken, by the speed probe (1.1: 10% slower). The samples were
    /// brought to one speed before the test: against three or more runs
    /// each sample by the probes around it, against one or two each
    /// earlier run as a whole (`baseline::judge`). Absent when a run has no
    /// probe or with `--no-speed-adjust`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub machine_speed_factor: Option<f64>,
    /// The fresh runs taken to confirm a first verdict of regression
    /// (`--confirm`, `verdict::confirm`), in order; `regressed` is the
    /// outcome of them all, `verdict` the first run's. Empty when the first
    /// verdict was no regression or with `--confirm 0`.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub confirmations: Vec<Confirmation>,
}

/// One confirmation re-run of a result: its verdict against the same
/// earlier runs, and its samples.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confirmation {
    /// The test on this run.
    pub verdict: super::verdict::Verdict,
    /// As [`BaselineCmp::machine_speed_factor`], for this run.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub machine_speed_factor: Option<f64>,
    /// This run's steady samples, in the order measured.
    pub samples_ns: Vec<u64>,
    /// The speed probe before each of them.
    #[serde(default)]
    pub speed_probe_ns: Vec<u64>,
}

impl Report {
    /// Reads a report (e.g. a baseline) from JSON, checking its schema.
    pub fn parse(text: &str) -> anyhow::Result<Report> {
        let v: serde_json::Value = serde_json::from_str(text)?;
        let schema = v.get("schema").and_then(|s| s.as_str()).unwrap_or("none");
        anyhow::ensure!(schema == SCHEMA, "the report's schema is {schema}, not {SCHEMA}");
        Ok(serde_json::from_value(v)?)
    }

    /// The JSON rendering.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serializes") + "\n"
    }

    /// The A/B ratios: for each program measured under several
    /// configurations, each later configuration's median over the first's.
    pub fn ab_ratios(&self) -> Vec<(String, String, String, f64)> {
        let mut out = Vec::new();
        for (i, a) in self.results.iter().enumerate() {
            if self.results[..i].iter().any(|r| r.name == a.name) {
                continue;
            }
            for b in self.results[i + 1..].iter().filter(|b| b.name == a.name && b.config != a.config) {
                out.push((
                    a.name.clone(),
                    a.config.clone(),
                    b.config.clone(),
                    ratio(b.steady.median_ns, a.steady.median_ns),
                ));
            }
        }
        out
    }

    /// The human-readable rendering.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        let p = &self.provenance;
        let _ = writeln!(
            o,
            "native-runner {} ({}), wasmtime {}, Cranelift {} for {} [{}]",
            p.tool_version,
            p.git_revision,
            p.wasmtime_version,
            p.cranelift.opt_level,
            p.target_triple,
            p.cranelift.cpu_features.join(",")
        );
        let _ = writeln!(o, "host: {}, {} cores, {}; {}{}", p.cpu_model, p.cores, p.os, p.timestamp, load(p));
        for r in &self.results {
            let s = &r.steady;
            let _ = writeln!(o, "\n{} [{}] entry {}", r.name, r.config, r.entry);
            let verified = match r.output_verified {
                true => format!("output verified against {}", r.verified_against.join(" and ")),
                false => "output not verified (no reference)".into(),
            };
            let _ = writeln!(o, "  module: {} bytes, sha256 {}; {verified}", r.module_bytes, r.module_sha256);
            let phase = |k: &str| r.phases_ns.get(k).map_or("-".into(), |&v| dur(v));
            let _ = writeln!(
                o,
                "  phases: front end {}, Cranelift compile (cold) {}, cache load (warm) {}, instantiate {}",
                phase("front_end"),
                phase("compile"),
                phase("cache_load"),
                phase("instantiate")
            );
            let _ = writeln!(o, "  first iteration (cold): {}", dur(r.cold_ns));
            let _ = writeln!(
                o,
                "  steady state ({} iterations): median {}, min {}, mean {}, p95 {}, p99 {}, stddev {}, MAD {}, {:.2} iter/s, {} outliers",
                s.iterations,
                dur(s.median_ns),
                dur(s.min_ns),
                dur(s.mean_ns as u64),
                dur(s.p95_ns),
                dur(s.p99_ns),
                dur(s.stddev_ns as u64),
                dur(s.mad_ns as u64),
                s.iters_per_sec,
                s.outliers
            );
            let rss = r.memory.peak_rss_bytes.map_or("unknown".into(), |b| format!("{} MiB", b >> 20));
            let _ = writeln!(
                o,
                "  memory: linear {} pages ({} KiB), peak RSS {rss}",
                r.memory.linear_memory_pages,
                r.memory.linear_memory_bytes >> 10
            );
            for (what, c) in r.references() {
                let what = what.name();
                let _ = writeln!(
                    o,
                    "  {what} ({}): median {}; ours / {what} = {:.2}",
                    c.compiler,
                    dur(c.steady.median_ns),
                    c.ratio
                );
            }
            if let Some(p) = &r.prediction {
                let _ = writeln!(
                    o,
                    "  predicted: {} ({:+.1}% against the median; model median error {:.0}% fitted, {:.0}% held out)",
                    dur(p.predicted_ns as u64),
                    p.error_pct,
                    p.model_error_pct.fitted,
                    p.model_error_pct.held_out
                );
            }
            if let Some(b) = &r.baseline {
                let what = b.verdict.as_ref().map_or_else(
                    || format!("{:+.1}% ({})", b.change_pct, if b.regressed { "REGRESSION" } else { "ok" }),
                    |v| v.describe(),
                );
                let speed = b.machine_speed_factor.map_or_else(String::new, |f| {
                    format!("; the machine ran {:+.1}% slower by the speed probe, taken out", (f - 1.0) * 100.0)
                });
                let _ = writeln!(
                    o,
                    "  {}: median {} -> {what} (noise threshold {}%{speed})",
                    b.against.as_deref().unwrap_or("baseline"),
                    dur(b.median_ns),
                    format!("{:.1}", b.tolerance_pct).trim_end_matches(".0")
                );
                for (i, c) in b.confirmations.iter().enumerate() {
                    let _ = writeln!(o, "  confirmation {}: {}", i + 1, c.verdict.describe());
                }
                if !b.confirmations.is_empty() {
                    let shown = b.confirmations.iter().filter(|c| c.verdict.regressed).count();
                    let outcome = if b.regressed { "regression confirmed" } else { "not confirmed, no regression" };
                    let _ = writeln!(o, "  {outcome}: {shown} of {} re-runs show it", b.confirmations.len());
                }
            }
        }
        for (name, a, b, x) in self.ab_ratios() {
            let _ = writeln!(o, "\nA/B {name}: {b} / {a} = {x:.3} (median)");
        }
        for (what, g) in self.geometric_means() {
            let _ = writeln!(o, "\ngeometric mean of ours / {}: {g:.2}", what.name());
        }
        if let Some((e, n)) = self.prediction_error() {
            let _ = writeln!(o, "\nmedian absolute prediction error: {e:.1}% over {n} results");
        }
        o
    }

    /// The median absolute prediction error in percent, and over how many
    /// results, when any result has a prediction.
    pub fn prediction_error(&self) -> Option<(f64, usize)> {
        let pairs: Vec<(f64, f64)> = self
            .results
            .iter()
            .filter_map(|r| r.prediction.as_ref().map(|p| (p.predicted_ns, r.steady.median_ns as f64)))
            .collect();
        (!pairs.is_empty()).then(|| (compiler::cost::median_abs_error(&pairs) * 100.0, pairs.len()))
    }

    /// For each kind of reference, the geometric mean of ours over it.
    pub fn geometric_means(&self) -> Vec<(Reference, f64)> {
        Reference::ALL
            .into_iter()
            .filter_map(|what| {
                let xs: Vec<f64> = self.results.iter().filter_map(|r| r.reference(what).map(|c| c.ratio)).collect();
                Some((what, geometric_mean(&xs)?))
            })
            .collect()
    }

    /// The Markdown rendering: one table, then the A/B ratios and the
    /// provenance.
    pub fn to_markdown(&self) -> String {
        let mut o = String::new();
        let configs: Vec<&str> = self.results.iter().map(|r| r.config.as_str()).collect();
        let many = configs.iter().any(|c| *c != configs[0]);
        let kinds: Vec<Reference> =
            Reference::ALL.into_iter().filter(|&k| self.results.iter().any(|r| r.reference(k).is_some())).collect();
        let mut head = vec!["program"];
        head.extend(many.then_some("config"));
        head.extend(["ours median (s)", "MAD (s)", "cold (s)"]);
        let mut align = vec!["---"];
        align.extend(many.then_some("---"));
        align.extend(["---:"; 3]);
        let titles: Vec<(String, String)> =
            kinds.iter().map(|k| (format!("{} (s)", k.column()), format!("ours / {}", k.name()))).collect();
        for (t, x) in &titles {
            head.extend([t.as_str(), x.as_str()]);
            align.extend(["---:"; 2]);
        }
        let predicted = self.results.iter().any(|r| r.prediction.is_some());
        if predicted {
            head.extend(["predicted (s)", "error"]);
            align.extend(["---:"; 2]);
        }
        head.extend(["module (bytes)", "verified"]);
        align.extend(["---:", "---"]);
        let _ = writeln!(o, "| {} |\n|{}|", head.join(" | "), align.join("|"));
        for r in &self.results {
            let mut row = vec![r.name.clone()];
            row.extend(many.then(|| r.config.clone()));
            row.extend([secs(r.steady.median_ns), secs(r.steady.mad_ns as u64), secs(r.cold_ns)]);
            for k in &kinds {
                match r.reference(*k) {
                    Some(c) => row.extend([secs(c.steady.median_ns), format!("{:.2}", c.ratio)]),
                    None => row.extend(["-".to_string(), "-".to_string()]),
                }
            }
            if predicted {
                match &r.prediction {
                    Some(p) => row.extend([secs(p.predicted_ns as u64), format!("{:+.0}%", p.error_pct)]),
                    None => row.extend(["-".to_string(), "-".to_string()]),
                }
            }
            row.extend([r.module_bytes.to_string(), if r.output_verified { "yes" } else { "no" }.to_string()]);
            let _ = writeln!(o, "| {} |", row.join(" | "));
        }
        let means = self.geometric_means();
        if !means.is_empty() {
            let mut row = vec!["**geometric mean**".to_string()];
            row.extend(std::iter::repeat_n(String::new(), if many { 4 } else { 3 }));
            for k in &kinds {
                let g = means.iter().find(|(w, _)| w == k).map_or(String::new(), |(_, g)| format!("**{g:.2}**"));
                row.extend([String::new(), g]);
            }
            row.extend(std::iter::repeat_n(String::new(), if predicted { 4 } else { 2 }));
            let _ = writeln!(o, "| {} |", row.join(" | "));
        }
        if let Some((e, n)) = self.prediction_error() {
            let _ = writeln!(
                o,
                "\nPredicted: the performance model's time for one call (`native-runner predict`); error: against the measured median. Median absolute prediction error: {e:.1}% over {n} results."
            );
        }
        let ab = self.ab_ratios();
        if !ab.is_empty() {
            let _ = writeln!(o, "\n| program | A | B | B / A (median) |\n|---|---|---|---:|");
            for (name, a, b, x) in ab {
                let _ = writeln!(o, "| {name} | {a} | {b} | {x:.3} |");
            }
        }
        let p = &self.provenance;
        let _ = writeln!(
            o,
            "\nnative-runner {} ({}), wasmtime {} (Cranelift opt level {}, {}, CPU features: {}); {} ({} cores), {}; {}{}; {} iterations after {} warm-up.",
            p.tool_version,
            p.git_revision,
            p.wasmtime_version,
            p.cranelift.opt_level,
            p.target_triple,
            p.cranelift.cpu_features.join(", "),
            p.cpu_model,
            p.cores,
            p.os,
            p.timestamp,
            load(p),
            p.options.get("iterations").map_or("?".into(), |v| v.to_string()),
            p.options.get("warmup").map_or("?".into(), |v| v.to_string()),
        );
        o
    }
}

/// The kinds of reference a result may be compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reference {
    /// The C twin at `cc -O2`, natively.
    C,
    /// The C twin compiled to wasm by clang, on our engine.
    CWasm,
    /// The Forth source under gforth-fast.
    Gforth,
}

impl Reference {
    /// Every kind, in the order reports list them.
    pub const ALL: [Reference; 3] = [Reference::C, Reference::CWasm, Reference::Gforth];

    /// Its name in text reports and ratios.
    pub fn name(self) -> &'static str {
        match self {
            Reference::C => "C",
            Reference::CWasm => "C→wasm",
            Reference::Gforth => "gforth-fast",
        }
    }

    /// Its column title in the Markdown table.
    fn column(self) -> &'static str {
        match self {
            Reference::C => "C -O2",
            Reference::CWasm => "clang C→wasm",
            Reference::Gforth => "gforth-fast",
        }
    }
}

impl BenchResult {
    /// The figures of one kind of reference.
    pub fn reference(&self, kind: Reference) -> Option<&CTwin> {
        match kind {
            Reference::C => self.c.as_ref(),
            Reference::CWasm => self.c_wasm.as_ref(),
            Reference::Gforth => self.gforth.as_ref(),
        }
    }

    /// Every reference this result has, with its kind.
    pub fn references(&self) -> impl Iterator<Item = (Reference, &CTwin)> {
        Reference::ALL.into_iter().filter_map(|k| Some((k, self.reference(k)?)))
    }
}

/// ", load average X" when it is known.
fn load(p: &Provenance) -> String {
    p.load_average.map_or(String::new(), |l| format!(", load average {:.2}", l[0]))
}

/// `a / b` as a float (0 when `b` is 0).
pub fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Seconds with three decimals.
fn secs(ns: u64) -> String {
    format!("{:.3}", ns as f64 / 1e9)
}

/// A duration in the unit that suits it.
pub fn dur(ns: u64) -> String {
    match ns {
        0..=9_999 => format!("{ns} ns"),
        10_000..=999_999 => format!("{:.1} µs", ns as f64 / 1e3),
        1_000_000..=999_999_999 => format!("{:.2} ms", ns as f64 / 1e6),
        _ => format!("{:.3} s", ns as f64 / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(dur(999), "999 ns");
        assert_eq!(dur(12_345), "12.3 µs");
        assert_eq!(dur(12_345_678), "12.35 ms");
        assert_eq!(dur(12_345_678_901), "12.346 s");
    }
}
