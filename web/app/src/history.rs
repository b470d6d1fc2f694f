//! A recorded history (`native-runner history --format json`, schema
//! `fastforth.history/1`) as the History tab plots it: the fields it
//! draws, read from the object the worker made of the pasted text
//! (`web_exchange::history`, which checks the schema and refuses a series
//! without runs or a run without a median).

use wasm_bindgen::JsValue;

use crate::js::{count, list, opt_number, text};

/// A history: series per program, machine and configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    /// The series, in the producer's order.
    pub series: Vec<Series>,
}

/// One program on one machine under one configuration, oldest run first.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// When it ran (RFC 3339).
    pub timestamp: String,
    /// Its median, in nanoseconds.
    pub median_ns: u64,
    /// Its fastest and slowest samples, when recorded.
    pub min_ns: Option<u64>,
    pub max_ns: Option<u64>,
    /// Its quartiles, when recorded.
    pub q1_ns: Option<f64>,
    pub q3_ns: Option<f64>,
}

impl History {
    /// From the history's object (`web_exchange::history::History`).
    pub fn from_js(v: &JsValue) -> History {
        let series = list(v, "series");
        let series = series.iter().map(|s| Series {
            program: text(s, "program"),
            machine: text(s, "machine"),
            config: text(s, "config"),
            runs: list(s, "runs")
                .iter()
                .map(|r| Run {
                    timestamp: text(r, "timestamp"),
                    median_ns: count(r, "median_ns"),
                    min_ns: opt_number(r, "min_ns").map(|n| n as u64),
                    max_ns: opt_number(r, "max_ns").map(|n| n as u64),
                    q1_ns: opt_number(r, "q1_ns"),
                    q3_ns: opt_number(r, "q3_ns"),
                })
                .collect(),
        });
        History { series: series.collect() }
    }
}
