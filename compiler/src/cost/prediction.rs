//! The model's prediction for one counted run of an entry word: the total,
//! the executed ops by class, and per word its calls, predicted time, share
//! and, for a hot word, a suggestion ([`super::suggest`]).
//!
//! This is the one place the prediction is made: `native-runner predict`,
//! `profile` and `bench` and the playground's Performance tab all call
//! [`Prediction::new`], so the same counts give the same rows, numbers and
//! texts on every host. The built-in model ([`DEFAULT_MODEL`], calibrated on
//! `benchmarks/programs` by `native-runner calibrate`) lives here for the
//! same reason.
//!
//! Guarantees: words are sorted by predicted time, costliest first (ties
//! keep the counters' order); shares sum to 1 when the total is not zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::counted::Counted;
use super::suggest::{self, Origin};
use super::{total, CostModel, OpClass};
use crate::pipeline::WordRemarks;

/// The model calibrated on the benchmark suite (`native-runner calibrate
/// benchmarks/programs -o compiler/src/cost/model.json`).
pub const DEFAULT_MODEL: &str = include_str!("model.json");

/// The built-in model.
pub fn default_model() -> CostModel {
    // The file is part of the crate and a unit test reads it, so this
    // cannot fail on any input.
    CostModel::from_json(DEFAULT_MODEL).expect("the built-in cost model is valid")
}

/// One word's share of the prediction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The model's prediction for one entry word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The entry word.
    pub entry: String,
    /// Predicted nanoseconds for one call of the entry word.
    pub predicted_ns: f64,
    /// Executed ops by class.
    pub ops: BTreeMap<String, f64>,
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

/// What the prediction needs besides the counts: the module's facts.
#[derive(Clone, Debug, Default)]
pub struct Module<'a> {
    /// The entry word.
    pub entry: &'a str,
    /// Size of the uninstrumented module.
    pub bytes: u64,
    /// Its linear memory.
    pub memory_bytes: u32,
}

impl Prediction {
    /// The prediction for a counted run with the model; `remarks` (from
    /// `Forth::explain`, may be empty) tell the program's words from the
    /// system's and let a suggestion say why a word keeps the memory stack.
    pub fn new(module: &Module, counted: &Counted, model: &CostModel, remarks: &[WordRemarks]) -> Prediction {
        let features = total(&counted.words);
        let sum = model.predict_ns(&features);
        let mut words: Vec<WordPrediction> = counted
            .words
            .iter()
            .map(|w| {
                let ns = model.predict_ns(&w.features);
                let share = if sum > 0.0 { ns / sum } else { 0.0 };
                // The counters name words as defined; remarks in upper case.
                // Without remarks at all nothing tells the program's words
                // from the system's, so every word counts as the program's.
                let remark = remarks.iter().find(|r| r.name.eq_ignore_ascii_case(&w.name));
                let origin = match remark {
                    None if !remarks.is_empty() && !w.name.starts_with("xt ") => Origin::System,
                    r => Origin::Program(r),
                };
                WordPrediction {
                    name: w.name.clone(),
                    calls: w.calls,
                    predicted_ns: ns,
                    share,
                    suggestion: suggest::suggestion(w, share, model, origin),
                }
            })
            .collect();
        words.sort_by(|a, b| b.predicted_ns.total_cmp(&a.predicted_ns));
        Prediction {
            entry: module.entry.to_string(),
            predicted_ns: sum,
            ops: OpClass::ALL.iter().zip(features).map(|(c, v)| (c.name().to_string(), v)).collect(),
            module_bytes: module.bytes,
            memory_bytes: u64::from(module.memory_bytes),
            data_space_bytes: u64::from(counted.data_space_bytes),
            words,
            model_median_abs_error: model.median_abs_error,
        }
    }
}

/// Nanoseconds with a readable unit, as every report prints them.
pub fn fmt_ns(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.3} s", n / 1e9),
        n if n >= 1e6 => format!("{:.3} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.3} us", n / 1e3),
        n => format!("{n:.1} ns"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{WordCost, N_CLASSES};

    #[test]
    fn the_built_in_model_reads() {
        let m = default_model();
        assert!(m.costs().iter().any(|&c| c > 0.0));
        assert!(m.median_abs_error > 0.0);
    }

    #[test]
    fn words_are_sorted_with_shares_and_suggestions() {
        let mut costs = [0.0; N_CLASSES];
        costs[OpClass::Call as usize] = 1.0;
        let model = CostModel::from_costs(&costs);
        let word = |name: &str, calls: u64, n: f64| {
            let mut features = [0.0; N_CLASSES];
            features[OpClass::Call as usize] = n;
            WordCost { name: name.into(), calls, features }
        };
        let counted = Counted { words: vec![word("main", 1, 1.0), word("f", 99, 99.0)], data_space_bytes: 12 };
        let p = Prediction::new(&Module { entry: "MAIN", bytes: 100, memory_bytes: 65536 }, &counted, &model, &[]);
        assert_eq!(p.predicted_ns, 100.0);
        assert_eq!(p.words.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), ["f", "main"]);
        assert_eq!(p.words[0].share, 0.99);
        assert!(p.words[0].suggestion.as_deref().unwrap().starts_with("calls are 100% of its time (99 calls made)"));
        assert_eq!(p.words[1].suggestion, None, "1% is not hot");
        assert_eq!(p.ops["call"], 100.0);
        assert_eq!((p.module_bytes, p.memory_bytes, p.data_space_bytes), (100, 65536, 12));
    }

    #[test]
    fn times_read_well() {
        assert_eq!(fmt_ns(12.34), "12.3 ns");
        assert_eq!(fmt_ns(1234.0), "1.234 us");
        assert_eq!(fmt_ns(2.5e9), "2.500 s");
    }
}
