//! What the worker reports about the loaded program, as the page holds it:
//! its words, the optimizer's remarks, where its definitions are, its
//! provenance headers, a bench's samples and summary, the performance
//! model's prediction.
//!
//! Each is plain data read from the worker's message objects (`from_js`,
//! field by field: the page has no serde); a field that is missing reads as
//! empty. The worker made them with the compiler's own code (the JSON of
//! the façade and of `web_exchange`, parsed in `web/worker.js`), so the
//! page computes none of them.

use wasm_bindgen::JsValue;

use crate::js::{self, count, flag, list, number, opt_text, text};

/// A user definition, as the words panel lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Name.
    pub name: String,
    /// `colon`, `variable`, ...
    pub kind: String,
    /// Immediate.
    pub immediate: bool,
    /// `( 1 -- 1 )`, or none when dynamic.
    pub effect: Option<String>,
}

impl Word {
    /// From `{name, kind, immediate, effect}` (`Session.words_json`).
    pub fn from_js(v: &JsValue) -> Word {
        Word {
            name: text(v, "name"),
            kind: text(v, "kind"),
            immediate: flag(v, "immediate"),
            effect: opt_text(v, "effect"),
        }
    }

    /// Back to that object, for the editor's completion.
    pub fn to_js(&self) -> JsValue {
        js::object(&[
            ("name", self.name.as_str().into()),
            ("kind", self.kind.as_str().into()),
            ("immediate", self.immediate.into()),
            ("effect", self.effect.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
        ])
    }
}

/// What the optimizer did to one definition (`compiler::remarks::WordRemarks`).
#[derive(Clone, Debug, PartialEq)]
pub struct WordRemarks {
    /// The word's name.
    pub name: String,
    /// Where its definition starts, if known.
    pub location: Option<String>,
    /// Its inferred stack effect, if static.
    pub effect: Option<String>,
    /// What the optimizer did, in order: (pass, what it did).
    pub remarks: Vec<(String, String)>,
}

impl WordRemarks {
    /// From one word of `native-runner explain --format json`.
    pub fn from_js(v: &JsValue) -> WordRemarks {
        WordRemarks {
            name: text(v, "name"),
            location: opt_text(v, "location"),
            effect: opt_text(v, "effect"),
            remarks: list(v, "remarks").iter().map(|r| (text(r, "pass"), text(r, "text"))).collect(),
        }
    }
}

/// Where a colon definition is (`compiler::DefinitionExtent`), for finding
/// the one the editor's cursor is in.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    /// The word's name, upper case.
    pub name: String,
    /// The file it is in.
    pub file: String,
    /// The line and column of its `:`.
    pub start: (u32, u32),
    /// The line and column just after its last token.
    pub end: (u32, u32),
}

impl Definition {
    /// From `{name, file, start: [line, col], end: {line, col, len}}`.
    pub fn from_js(v: &JsValue) -> Definition {
        let start = js::items(&js::field(v, "start"));
        let at = |i: usize| start.get(i).and_then(JsValue::as_f64).unwrap_or(0.0) as u32;
        let end = js::field(v, "end");
        Definition {
            name: text(v, "name"),
            file: text(v, "file"),
            start: (at(0), at(1)),
            end: (number(&end, "line") as u32, (number(&end, "col") + number(&end, "len")) as u32),
        }
    }
}

/// A provenance header of the source that ran (`\ KEY: value` above a
/// definition), with its definition's status (`compiler::provenance`).
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The definition's name.
    pub word: String,
    /// Its status: `verified`, `not verified`, `changed since SPEC_HASH`, ...
    pub status: String,
    /// The header's key (`GENERATED_BY`, ...).
    pub key: String,
    /// Its value.
    pub value: String,
}

impl Header {
    /// From `{word, status, key, value}`.
    pub fn from_js(v: &JsValue) -> Header {
        Header { word: text(v, "word"), status: text(v, "status"), key: text(v, "key"), value: text(v, "value") }
    }
}

/// The statistics of a bench's samples (`compiler::stats::Summary`), in ns.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The number of samples.
    pub iterations: u64,
    /// The fastest sample.
    pub min_ns: u64,
    /// The slowest sample.
    pub max_ns: u64,
    /// The median.
    pub median_ns: u64,
    /// The 95th percentile (nearest rank).
    pub p95_ns: u64,
    /// The 99th percentile (nearest rank).
    pub p99_ns: u64,
    /// The arithmetic mean.
    pub mean_ns: f64,
    /// The sample standard deviation.
    pub stddev_ns: f64,
}

impl Summary {
    /// From the summary's object.
    pub fn from_js(v: &JsValue) -> Summary {
        Summary {
            iterations: count(v, "iterations"),
            min_ns: count(v, "min_ns"),
            max_ns: count(v, "max_ns"),
            median_ns: count(v, "median_ns"),
            p95_ns: count(v, "p95_ns"),
            p99_ns: count(v, "p99_ns"),
            mean_ns: number(v, "mean_ns"),
            stddev_ns: number(v, "stddev_ns"),
        }
    }
}

/// A finished browser bench (`web_exchange::bench::Bench`).
#[derive(Clone, Debug, PartialEq)]
pub struct Bench {
    /// Entry word.
    pub entry: String,
    /// Samples, ns.
    pub samples_ns: Vec<u64>,
    /// Summary of the samples.
    pub summary: Summary,
    /// sha256 of the module measured.
    pub module_sha256: String,
    /// Its size.
    pub module_bytes: u64,
    /// Each sample is the mean time of this many calls.
    pub calls_per_sample: u64,
    /// The bench as JSON, as a share link carries it.
    pub json: String,
}

impl Bench {
    /// From the bench's object.
    pub fn from_js(v: &JsValue) -> Bench {
        Bench {
            entry: text(v, "entry"),
            samples_ns: js::numbers(v, "samples_ns").into_iter().map(|x| x as u64).collect(),
            summary: Summary::from_js(&js::field(v, "summary")),
            module_sha256: text(v, "module_sha256"),
            module_bytes: count(v, "module_bytes"),
            calls_per_sample: count(v, "calls_per_sample").max(1),
            json: js::to_json(v),
        }
    }
}

/// One word's share of a prediction.
#[derive(Clone, Debug, PartialEq)]
pub struct WordPrediction {
    /// The word.
    pub name: String,
    /// Calls in the run.
    pub calls: u64,
    /// Predicted nanoseconds spent in its own code.
    pub predicted_ns: f64,
    /// Its share of the total.
    pub share: f64,
    /// What would make it cheaper, for a hot word.
    pub suggestion: Option<String>,
}

/// The performance model's prediction for one entry word
/// (`compiler::cost::prediction::Prediction`).
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The entry word.
    pub entry: String,
    /// Predicted nanoseconds for one call of the entry word.
    pub predicted_ns: f64,
    /// Size of the module `build` writes.
    pub module_bytes: u64,
    /// Linear memory of the module.
    pub memory_bytes: u64,
    /// Data space in use (`HERE`) after the run.
    pub data_space_bytes: u64,
    /// Words by predicted time, costliest first.
    pub words: Vec<WordPrediction>,
    /// The model's median error on the programs it was calibrated on.
    pub model_median_abs_error: f64,
}

impl Prediction {
    /// From the prediction's object.
    pub fn from_js(v: &JsValue) -> Prediction {
        Prediction {
            entry: text(v, "entry"),
            predicted_ns: number(v, "predicted_ns"),
            module_bytes: count(v, "module_bytes"),
            memory_bytes: count(v, "memory_bytes"),
            data_space_bytes: count(v, "data_space_bytes"),
            words: list(v, "words")
                .iter()
                .map(|w| WordPrediction {
                    name: text(w, "name"),
                    calls: count(w, "calls"),
                    predicted_ns: number(w, "predicted_ns"),
                    share: number(w, "share"),
                    suggestion: opt_text(w, "suggestion"),
                })
                .collect(),
            model_median_abs_error: number(v, "model_median_abs_error"),
        }
    }
}
