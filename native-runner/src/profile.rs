//! `native-runner profile`: per-word call counts and self time of a
//! program's entry word.
//!
//! Call counts are exact: they come from the counters of an instrumented
//! build (a counter at each function's entry and each block; see
//! `counting`). Self time is *measured* by sampling (see `sampling`): the
//! uninstrumented module runs once more while a ticker samples the
//! innermost wasm function every `--interval`; a word's self time is its
//! share of the samples times the entry word's measured time (the median of
//! `--runs` timed runs). The cost model's attribution (the measured total
//! split by the predicted cost of each word's own ops) is shown beside it.
//! Words inlined into a caller (at `-O2`) count as part of the caller;
//! `--no-inline` keeps them apart.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::json;

use crate::counting;
use crate::predict::{fmt_ns, prediction, ModelArg};
use crate::provenance::Format;
use crate::sampling;
use crate::session::Limits;

/// Profile the entry word: for each word, how often it was called and its
/// self time, the top N by self time and their share of the total. Counts
/// come from an instrumented build; self time from sampling the innermost
/// wasm function of the uninstrumented module at a fixed interval, scaled
/// to the measured total. The cost model's attribution is shown beside it.
#[derive(clap::Args, Debug)]
pub struct ProfileArgs {
    /// Forth source files, loaded in order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The word to profile [default: MAIN].
    #[arg(long, value_name = "WORD")]
    pub entry: Option<String>,
    /// How many words to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Timed runs of the uninstrumented module (the median counts).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub runs: usize,
    /// Sampling interval in microseconds.
    #[arg(long, value_name = "US", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(10..))]
    pub interval: u64,
    #[command(flatten)]
    pub model: ModelArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub limits: Limits,
}

/// One row of the profile.
struct Row {
    name: String,
    calls: u64,
    samples: u64,
    /// Share of the samples.
    share: f64,
    /// Share of the model's predicted time.
    model_share: f64,
    /// The model's suggestion, for a word hot in the prediction.
    suggestion: Option<String>,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(a: ProfileArgs) -> anyhow::Result<i32> {
    anyhow::ensure!(a.runs > 0, "--runs must be at least 1");
    let model = a.model.load()?;
    let counted = counting::counted_run(&a.files, a.entry.clone(), &a.limits)?;
    let total_ns = counting::median_ns(&counting::timed_runs(&counted.module, &a.limits, a.runs)?);
    let sampled = sampling::sample(&counted.module, &a.limits, Duration::from_micros(a.interval))?;
    let p = prediction(&counted, &model);
    let n = sampled.total.max(1) as f64;
    let mut rows: Vec<Row> = p
        .words
        .iter()
        .filter(|w| w.calls > 0)
        .map(|w| {
            let samples = sampled.by_word.get(&w.name).copied().unwrap_or(0);
            Row {
                name: w.name.clone(),
                calls: w.calls,
                samples,
                share: samples as f64 / n,
                model_share: w.share,
                suggestion: w.suggestion.clone(),
            }
        })
        .collect();
    // Functions sampled but not counted (the kernel's own code).
    for (name, &samples) in &sampled.by_word {
        if !rows.iter().any(|r| &r.name == name) {
            rows.push(Row {
                name: name.clone(),
                calls: 0,
                samples,
                share: samples as f64 / n,
                model_share: 0.0,
                suggestion: None,
            });
        }
    }
    rows.sort_by(|x, y| y.samples.cmp(&x.samples).then(y.model_share.total_cmp(&x.model_share)));
    rows.truncate(a.top);
    let interval_ns = sampled.elapsed.as_nanos() as f64 / n;
    let how = format!(
        "self time sampled: {} samples of the innermost wasm function, one every {} on average (ticks every {} us), scaled to the median of {} timed runs",
        sampled.total,
        fmt_ns(interval_ns),
        a.interval,
        a.runs
    );
    if a.format == Format::Json {
        let doc = json!({
            "entry": p.entry,
            "total_ns": total_ns,
            "self_time": {"method": "sampled", "samples": sampled.total, "interval_us": a.interval, "mean_interval_ns": interval_ns, "sampled_run_ns": sampled.elapsed.as_nanos() as u64},
            "words": rows.iter().map(|r| json!({
                "name": r.name,
                "calls": r.calls,
                "samples": r.samples,
                "self_ns": r.share * total_ns,
                "share": r.share,
                "model_share": r.model_share,
                "suggestion": r.suggestion,
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(0);
    }
    println!("{}: {} (median of {} runs)", p.entry, fmt_ns(total_ns), a.runs);
    println!("{how}");
    println!("{:<24} {:>14} {:>12} {:>7} {:>8} {:>7}", "word", "calls", "self time", "share", "samples", "model");
    for r in rows {
        println!(
            "{:<24} {:>14} {:>12} {:>6.1}% {:>8} {:>6.1}%",
            r.name,
            r.calls,
            fmt_ns(r.share * total_ns),
            r.share * 100.0,
            r.samples,
            r.model_share * 100.0
        );
        if let Some(s) = &r.suggestion {
            println!("    suggestion: {s}");
        }
    }
    Ok(0)
}
