//! `native-runner profile`: per-word call counts and self time of a
//! program's entry word.
//!
//! Call counts are exact: they come from the counters of an instrumented
//! build (a counter at each function's entry and each block; see
//! `counting`). Self time is *attributed*, not sampled: the entry word is
//! timed on the uninstrumented module (median of `--runs`), and that time is
//! split between the words in proportion to the cost model's cost of the
//! ops each executed in its own blocks. Words inlined into a caller (at
//! `-O2`) count as part of the caller; `--no-inline` keeps them apart.

use std::path::PathBuf;

use serde_json::json;

use crate::counting;
use crate::predict::{fmt_ns, load_model, prediction};
use crate::provenance::Format;
use crate::session::Limits;

/// Profile the entry word: for each word, how often it was called and its
/// self time, the top N by self time and their share of the total. Counts
/// come from an instrumented build; self time is the measured total split
/// by the cost model's cost of each word's executed ops.
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
    /// A model file written by `native-runner calibrate` [default: built in].
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(a: ProfileArgs) -> anyhow::Result<i32> {
    anyhow::ensure!(a.runs > 0, "--runs must be at least 1");
    let model = load_model(a.model.as_deref())?;
    let counted = counting::counted_run(&a.files, a.entry.clone(), &a.limits)?;
    let total_ns = counting::median_ns(&counting::timed_runs(&counted.module, &a.limits, a.runs)?);
    let p = prediction(&counted, &model);
    let rows: Vec<(&str, u64, f64, f64)> = p
        .words
        .iter()
        .filter(|w| w.calls > 0)
        .take(a.top)
        .map(|w| (w.name.as_str(), w.calls, w.share * total_ns, w.share))
        .collect();
    if a.format == Format::Json {
        let doc = json!({
            "entry": p.entry,
            "total_ns": total_ns,
            "words": rows.iter().map(|(name, calls, ns, share)| json!({"name": name, "calls": calls, "self_ns": ns, "share": share})).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(0);
    }
    println!("{}: {} (median of {} runs)", p.entry, fmt_ns(total_ns), a.runs);
    println!("{:<24} {:>14} {:>12} {:>7}", "word", "calls", "self time", "share");
    for (name, calls, ns, share) in rows {
        println!("{name:<24} {calls:>14} {:>12} {:>6.1}%", fmt_ns(ns), share * 100.0);
    }
    Ok(0)
}
