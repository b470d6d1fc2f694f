//! `native-runner history`: the recorded bench runs of the results store,
//! as series per program, machine and configuration, in time order.
//!
//! Formats: text and Markdown tables, JSON (schema `fastforth.history/1`,
//! `native-runner/schema/history.v1.json`), and one self-contained HTML
//! file with an SVG plot per series (`plot`): the median over time with
//! the interquartile range as a band and the fastest and slowest sample as
//! whiskers, as asv draws them.

mod plot;

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;
use serde::Serialize;

use crate::store::{Location, ResultRow, SeriesFilter, Store};

/// The schema identifier of the JSON rendering.
pub const SCHEMA: &str = "fastforth.history/1";

/// Show the recorded bench runs (`bench --record`) as series per program,
/// machine and configuration, oldest run first: the median of each run,
/// its spread, and what was measured (module and source sha256, git
/// revisions).
#[derive(clap::Args, Debug)]
pub struct HistoryArgs {
    /// Only these programs [default: all].
    #[arg(value_name = "PROGRAM")]
    pub programs: Vec<String>,
    /// The results store: a SQLite file or a postgres:// URL [default:
    /// FASTFORTH_STORE, or $XDG_DATA_HOME/fastforth/results.sqlite].
    #[arg(long, value_name = "STORE")]
    pub store: Option<String>,
    /// Only this machine.
    #[arg(long, value_name = "M")]
    pub machine: Option<String>,
    /// Only this configuration (`O2`, `O3 unroll=8`).
    #[arg(long, value_name = "C")]
    pub config: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One table per series.
    Text,
    /// Schema fastforth.history/1.
    Json,
    /// One Markdown table per series.
    Markdown,
    /// One self-contained HTML file with an SVG plot per series.
    Html,
}

/// The whole history document.
#[derive(Clone, Debug, Serialize)]
pub struct History {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Where it was read.
    pub store: String,
    /// One series per program, machine and configuration.
    pub series: Vec<Series>,
}

/// The runs of one program on one machine under one configuration.
#[derive(Clone, Debug, Serialize)]
pub struct Series {
    /// The program.
    pub program: String,
    /// The machine.
    pub machine: String,
    /// The configuration.
    pub config: String,
    /// Oldest first.
    pub runs: Vec<Run>,
}

/// One run of a series.
#[derive(Clone, Debug, Serialize)]
pub struct Run {
    /// The run's id in the store.
    pub run_id: i64,
    /// When it started (RFC 3339).
    pub timestamp: String,
    /// The median sample.
    pub median_ns: i64,
    /// The fastest sample.
    pub min_ns: i64,
    /// The slowest sample.
    pub max_ns: i64,
    /// The first quartile.
    pub q1_ns: f64,
    /// The third quartile.
    pub q3_ns: f64,
    /// How many samples were taken.
    pub samples: usize,
    /// The linked module's sha256.
    pub module_sha256: String,
    /// The source's sha256.
    pub source_sha256: Option<String>,
    /// The git commit of the source's checkout.
    pub source_git_revision: Option<String>,
    /// The commit the runner was built from.
    pub runner_git_revision: String,
}

/// Groups results into series, keeping each series in time order and the
/// series in the order of their first run.
pub fn series(rows: &[ResultRow]) -> Vec<Series> {
    let mut out: Vec<Series> = Vec::new();
    for r in rows {
        let run = Run {
            run_id: r.run_id,
            timestamp: r.timestamp.clone(),
            median_ns: r.median_ns,
            min_ns: r.min_ns,
            max_ns: r.max_ns,
            q1_ns: r.q1_ns,
            q3_ns: r.q3_ns,
            samples: r.samples_ns.len(),
            module_sha256: r.module_sha256.clone(),
            source_sha256: r.source_sha256.clone(),
            source_git_revision: r.source_git_revision.clone(),
            runner_git_revision: r.runner_git_revision.clone(),
        };
        match out.iter_mut().find(|s| s.program == r.program && s.machine == r.machine && s.config == r.config) {
            Some(s) => s.runs.push(run),
            None => out.push(Series {
                program: r.program.clone(),
                machine: r.machine.clone(),
                config: r.config.clone(),
                runs: vec![run],
            }),
        }
    }
    out.sort_by(|a, b| (&a.program, &a.machine, &a.config).cmp(&(&b.program, &b.machine, &b.config)));
    out
}

/// Nanoseconds for people, in the units of bench reports.
pub fn dur(ns: f64) -> String {
    crate::bench::report::dur(ns.round().max(0.0) as u64)
}

fn short(s: &str) -> &str {
    &s[..s.len().min(12)]
}

impl History {
    /// The text rendering.
    pub fn to_text(&self) -> String {
        let mut o = String::new();
        if self.series.is_empty() {
            let _ = writeln!(o, "no recorded runs match in {}", self.store);
        }
        for s in &self.series {
            let _ = writeln!(o, "{} on {} [{}]: {} runs", s.program, s.machine, s.config, s.runs.len());
            for r in &s.runs {
                let _ = writeln!(
                    o,
                    "  {}  median {:>12}  IQR {} .. {}  n={}  module {}  source {}",
                    r.timestamp,
                    dur(r.median_ns as f64),
                    dur(r.q1_ns),
                    dur(r.q3_ns),
                    r.samples,
                    short(&r.module_sha256),
                    r.source_git_revision.as_deref().map_or("-", short)
                );
            }
        }
        o
    }

    /// The Markdown rendering.
    pub fn to_markdown(&self) -> String {
        let mut o = String::new();
        for s in &self.series {
            let _ = writeln!(o, "### {} on {} [{}]\n", s.program, s.machine, s.config);
            let _ = writeln!(o, "| run | timestamp | median | q1 | q3 | min | max | samples | module | source rev |");
            let _ = writeln!(o, "|---:|---|---:|---:|---:|---:|---:|---:|---|---|");
            for r in &s.runs {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {} | {} | {} | {} | {} | `{}` | {} |",
                    r.run_id,
                    r.timestamp,
                    dur(r.median_ns as f64),
                    dur(r.q1_ns),
                    dur(r.q3_ns),
                    dur(r.min_ns as f64),
                    dur(r.max_ns as f64),
                    r.samples,
                    short(&r.module_sha256),
                    r.source_git_revision.as_deref().map_or("-".to_string(), |g| format!("`{}`", short(g)))
                );
            }
            o.push('\n');
        }
        o
    }
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: HistoryArgs) -> anyhow::Result<i32> {
    let location = Location::resolve(args.store.as_deref())?;
    if let Location::Sqlite(p) = &location {
        anyhow::ensure!(p.exists(), "no results store at {} (record runs with bench --record)", p.display());
    }
    let mut store = Store::open(&location)?;
    let filter =
        SeriesFilter { programs: args.programs.clone(), machine: args.machine.clone(), config: args.config.clone() };
    let rows = store.results(&filter)?;
    let doc = History { schema: SCHEMA, store: location.display(), series: series(&rows) };
    let text = match args.format {
        Format::Text => doc.to_text(),
        Format::Markdown => doc.to_markdown(),
        Format::Json => serde_json::to_string_pretty(&doc)? + "\n",
        Format::Html => plot::html(&doc)?,
    };
    match &args.output {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?,
        None => print!("{text}"),
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::records_for_tests::sample_run;

    #[test]
    fn rows_group_into_series_in_time_order() {
        let mut rows = Vec::new();
        for (i, (m, p)) in [("a", "fib"), ("b", "fib"), ("a", "fib"), ("a", "tak")].iter().enumerate() {
            let (_, mut x) = sample_run(m, "", p, &[i as u64 + 1]);
            x[0].machine = m.to_string();
            x[0].run_id = i as i64;
            rows.extend(x);
        }
        let s = series(&rows);
        let names: Vec<String> = s.iter().map(|s| format!("{}@{}:{}", s.program, s.machine, s.runs.len())).collect();
        assert_eq!(names, ["fib@a:2", "fib@b:1", "tak@a:1"]);
        assert_eq!(s[0].runs[1].run_id, 2);
        let doc = History { schema: SCHEMA, store: "x".into(), series: s };
        assert!(doc.to_text().contains("fib on a [O2]: 2 runs"));
        assert!(doc.to_markdown().contains("### tak on a [O2]"));
    }

    #[test]
    fn durations_for_people() {
        assert_eq!(dur(1.5e9), "1.500 s");
        assert_eq!(dur(12.4), "12 ns");
    }
}
