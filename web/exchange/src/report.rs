//! Native bench reports (`native-runner bench --format json`, schema
//! `fastforth.bench/1`) for the playground's Compare tab: parsing the
//! fields the comparison view uses. The page hands pasted text (or a
//! link's report) to the worker, which parses it here and answers with
//! those fields only, as JSON ([`parse_report`]).
//!
//! Unknown fields are ignored, so later versions of the schema that only
//! add fields still import. Guarantee: a report that is not JSON, has
//! another schema, or lacks a required field is refused with a message.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The schema this code reads.
pub const SCHEMA: &str = "fastforth.bench/1";

/// A native report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// `fastforth.bench/1`.
    pub schema: String,
    /// Where and how it was measured.
    pub provenance: Provenance,
    /// One entry per benchmark.
    pub results: Vec<BenchResult>,
}

/// The facts of the native run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// native-runner's version.
    pub tool_version: String,
    /// The source revision it was built from.
    #[serde(default)]
    pub git_revision: String,
    /// wasmtime's version.
    #[serde(default)]
    pub wasmtime_version: String,
    /// Target triple.
    #[serde(default)]
    pub target_triple: String,
    /// CPU model.
    #[serde(default)]
    pub cpu_model: String,
    /// Operating system.
    #[serde(default)]
    pub os: String,
    /// RFC 3339 time of the run.
    #[serde(default)]
    pub timestamp: String,
}

/// One benchmark's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchResult {
    /// Benchmark name.
    pub name: String,
    /// Entry word.
    pub entry: String,
    /// The source file as named on the command line (the module records
    /// it, so the browser must load the text under the same name).
    #[serde(default)]
    pub source: String,
    /// sha256 of the module measured.
    pub module_sha256: String,
    /// Size of the module.
    pub module_bytes: u64,
    /// Whether the output was checked.
    #[serde(default)]
    pub output_verified: bool,
    /// Steady-state measurements.
    pub steady: Steady,
}

/// Steady-state statistics, in nanoseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Steady {
    /// Iterations measured.
    pub iterations: u64,
    /// The samples.
    #[serde(default)]
    pub samples_ns: Vec<u64>,
    /// Fastest.
    pub min_ns: u64,
    /// Median.
    pub median_ns: u64,
    /// Mean.
    pub mean_ns: f64,
    /// 95th percentile.
    pub p95_ns: u64,
    /// Standard deviation.
    #[serde(default)]
    pub stddev_ns: f64,
}

/// Parses a report from a JSON value (e.g. a share link's `native_report`).
pub fn from_value(v: serde_json::Value) -> Result<Report, String> {
    let r: Report = serde_json::from_value(v).map_err(|e| format!("not a native bench report: {e}"))?;
    check(r)
}

/// Parses a report from pasted JSON text.
pub fn parse(text: &str) -> Result<Report, String> {
    let r: Report = serde_json::from_str(text).map_err(|e| format!("not a native bench report: {e}"))?;
    check(r)
}

/// A pasted report as the JSON of the fields the page shows (a [`Report`]),
/// or why it is refused.
#[wasm_bindgen]
pub fn parse_report(text: &str) -> Result<String, String> {
    serde_json::to_string(&parse(text)?).map_err(|e| e.to_string())
}

fn check(r: Report) -> Result<Report, String> {
    if r.schema != SCHEMA {
        return Err(format!("unsupported report schema {:?} (expected {SCHEMA:?})", r.schema));
    }
    if r.results.is_empty() {
        return Err("the report has no results".into());
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{"schema":"fastforth.bench/1","provenance":{"tool_version":"0.1.0","git_revision":"abc",
      "wasmtime_version":"48.0.8","target_triple":"x86_64-unknown-linux-gnu","cpu_model":"cpu","os":"linux",
      "timestamp":"2026-01-01T00:00:00Z","options":{}},"results":[{"name":"fib","entry":"MAIN",
      "source_sha256":"s","module_sha256":"m","module_bytes":100,"output_verified":true,"phases_ns":{},
      "cold_ns":5,"steady":{"iterations":3,"samples_ns":[1,2,3],"min_ns":1,"median_ns":2,"mean_ns":2.0,
      "p95_ns":3,"p99_ns":3,"stddev_ns":1.0,"mad_ns":1,"outliers":0,"iters_per_sec":5e8},"extra":1}]}"#;

    #[test]
    fn reads_the_shared_format() {
        let r = parse(SAMPLE).unwrap();
        assert_eq!(r.results[0].steady.median_ns, 2);
        assert_eq!(r.results[0].module_sha256, "m");
        assert_eq!(r.provenance.wasmtime_version, "48.0.8");
    }

    #[test]
    fn refuses_other_schemas_and_garbage() {
        assert!(parse(&SAMPLE.replace("fastforth.bench/1", "other/2")).unwrap_err().contains("unsupported"));
        assert!(parse("<script>").unwrap_err().contains("not a native bench report"));
        assert!(parse(r#"{"schema":"fastforth.bench/1"}"#).is_err());
    }
}
