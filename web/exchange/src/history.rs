//! Reading `native-runner history --format json` (schema
//! `fastforth.history/1`) for the playground's History tab, which plots
//! each series as the HTML history does. The page hands pasted text to the
//! worker, which parses it here and answers with the fields the tab draws,
//! as JSON ([`parse_history`]).
//!
//! Guarantees: only a document whose `schema` is `fastforth.history/1` is
//! accepted; fields this version does not know are ignored (the schema says
//! producers may add some); a series without runs, or a run without a
//! median, is refused with a message naming it, never drawn half.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The schema this reader accepts.
pub const SCHEMA: &str = "fastforth.history/1";

/// A history: series per program, machine and configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// `fastforth.history/1`.
    pub schema: String,
    /// The store it was read from, if the producer said.
    #[serde(default)]
    pub store: Option<String>,
    /// The series, in the producer's order.
    pub series: Vec<Series>,
}

/// One program on one machine under one configuration, oldest run first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The program.
    pub program: String,
    /// The machine.
    pub machine: String,
    /// The configuration label.
    pub config: String,
    /// The runs.
    pub runs: Vec<Run>,
}

/// One recorded run of a series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// When it ran (RFC 3339).
    pub timestamp: String,
    /// Its median, in nanoseconds.
    pub median_ns: u64,
    /// Its fastest and slowest samples, when recorded.
    #[serde(default)]
    pub min_ns: Option<u64>,
    #[serde(default)]
    pub max_ns: Option<u64>,
    /// Its quartiles, when recorded.
    #[serde(default)]
    pub q1_ns: Option<f64>,
    #[serde(default)]
    pub q3_ns: Option<f64>,
    /// The module it timed.
    pub module_sha256: String,
}

/// A pasted history as the JSON of the fields the tab draws (a
/// [`History`]), or why it is refused.
#[wasm_bindgen]
pub fn parse_history(text: &str) -> Result<String, String> {
    serde_json::to_string(&parse(text)?).map_err(|e| e.to_string())
}

/// Parses pasted JSON text.
pub fn parse(text: &str) -> Result<History, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("");
    if schema != SCHEMA {
        return Err(format!(
            "not a history (schema {SCHEMA}): its schema is {}; make one with native-runner history --format json",
            if schema.is_empty() { "missing".to_string() } else { format!("{schema:?}") }
        ));
    }
    let h: History = serde_json::from_value(value).map_err(|e| format!("not a valid history: {e}"))?;
    if h.series.is_empty() {
        return Err("the history has no series (record runs with native-runner bench --record)".into());
    }
    if let Some(s) = h.series.iter().find(|s| s.runs.is_empty()) {
        return Err(format!("the series {} on {} ({}) has no runs", s.program, s.machine, s.config));
    }
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"schema":"fastforth.history/1","store":"r.sqlite","series":[
        {"program":"fib","machine":"m1","config":"O2","runs":[
          {"run_id":1,"timestamp":"2026-12-06T10:00:00Z","median_ns":1000,"min_ns":900,"max_ns":1500,
           "q1_ns":950.0,"q3_ns":1100.5,"samples":5,"module_sha256":"aa","future_field":true},
          {"timestamp":"2026-12-06T11:00:00Z","median_ns":1200,"module_sha256":"bb"}]}]}"#;

    #[test]
    fn a_history_is_read_and_unknown_fields_ignored() {
        let h = parse(ONE).unwrap();
        assert_eq!(h.store.as_deref(), Some("r.sqlite"));
        let s = &h.series[0];
        assert_eq!((s.program.as_str(), s.machine.as_str(), s.config.as_str()), ("fib", "m1", "O2"));
        assert_eq!(s.runs.len(), 2);
        assert_eq!((s.runs[0].min_ns, s.runs[0].q3_ns), (Some(900), Some(1100.5)));
        assert_eq!((s.runs[1].median_ns, s.runs[1].q1_ns), (1200, None));
    }

    #[test]
    fn other_documents_are_refused_with_a_reason() {
        assert!(parse("nope").unwrap_err().starts_with("not JSON"));
        assert!(parse(r#"{"schema":"fastforth.bench/1","results":[]}"#)
            .unwrap_err()
            .contains("its schema is \"fastforth.bench/1\""));
        assert!(parse(r#"{"series":[]}"#).unwrap_err().contains("its schema is missing"));
        assert!(parse(r#"{"schema":"fastforth.history/1","series":[]}"#).unwrap_err().contains("no series"));
        let empty =
            r#"{"schema":"fastforth.history/1","series":[{"program":"p","machine":"m","config":"O2","runs":[]}]}"#;
        assert!(parse(empty).unwrap_err().contains("p on m (O2) has no runs"));
        let no_median = r#"{"schema":"fastforth.history/1","series":[{"program":"p","machine":"m","config":"O2","runs":[{"timestamp":"t","module_sha256":"aa"}]}]}"#;
        assert!(parse(no_median).unwrap_err().starts_with("not a valid history"));
    }
}
