//! A native bench report (`native-runner bench --format json`, schema
//! `fastforth.bench/1`) as the Compare tab shows it: the fields it uses,
//! read from the object the worker made of the pasted text or of a link's
//! report (`web_exchange::report`, which checks the schema and the
//! required fields).

use wasm_bindgen::JsValue;

use crate::js::{self, count, field, list, number, text};

/// A native report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Where and how it was measured.
    pub provenance: Provenance,
    /// One entry per benchmark (at least one).
    pub results: Vec<BenchResult>,
    /// The report as JSON, as a share link carries it.
    pub json: String,
}

/// The facts of the native run.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// native-runner's version.
    pub tool_version: String,
    /// wasmtime's version.
    pub wasmtime_version: String,
    /// Target triple.
    pub target_triple: String,
    /// CPU model.
    pub cpu_model: String,
    /// RFC 3339 time of the run.
    pub timestamp: String,
}

/// One benchmark's result.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchResult {
    /// Benchmark name.
    pub name: String,
    /// Entry word.
    pub entry: String,
    /// The source file as named on the command line (the module records
    /// it, so the browser must load the text under the same name).
    pub source: String,
    /// sha256 of the module measured.
    pub module_sha256: String,
    /// Steady-state statistics.
    pub steady: Steady,
}

/// Steady-state statistics, in nanoseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Steady {
    /// Fastest.
    pub min_ns: u64,
    /// Median.
    pub median_ns: u64,
    /// Mean.
    pub mean_ns: f64,
    /// 95th percentile.
    pub p95_ns: u64,
    /// Standard deviation.
    pub stddev_ns: f64,
}

impl Report {
    /// From the report's object (`web_exchange::report::Report`).
    pub fn from_js(v: &JsValue) -> Report {
        let p = field(v, "provenance");
        Report {
            provenance: Provenance {
                tool_version: text(&p, "tool_version"),
                wasmtime_version: text(&p, "wasmtime_version"),
                target_triple: text(&p, "target_triple"),
                cpu_model: text(&p, "cpu_model"),
                timestamp: text(&p, "timestamp"),
            },
            results: list(v, "results")
                .iter()
                .map(|r| {
                    let s = field(r, "steady");
                    BenchResult {
                        name: text(r, "name"),
                        entry: text(r, "entry"),
                        source: text(r, "source"),
                        module_sha256: text(r, "module_sha256"),
                        steady: Steady {
                            min_ns: count(&s, "min_ns"),
                            median_ns: count(&s, "median_ns"),
                            mean_ns: number(&s, "mean_ns"),
                            p95_ns: count(&s, "p95_ns"),
                            stddev_ns: number(&s, "stddev_ns"),
                        },
                    }
                })
                .collect(),
            json: js::to_json(v),
        }
    }
}
