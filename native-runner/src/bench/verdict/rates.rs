//! The measured error rates of the regression verdict, replayed from real
//! runs: `benchmarks/verdict/runs.json` holds a history of 10 runs of one
//! build of one program, then 50 more runs of that build and 50 runs of a
//! build that does 10% more work (the same loop, 3,300,000 trips instead
//! of 3,000,000), taken in turn, four seconds of samples each, every
//! other one while a second process kept a core busy and other builds
//! loaded the 2-core machine (`benchmarks/verdict/README.md`). Each run has
//! its samples (thinned to 150, evenly) and the speed probe beside each.
//!
//! Each new run is judged against the history through `baseline::judge`,
//! as `bench --against-history` judges it: a verdict of regression on a
//! run of the same build is a false alarm, on a run of the slower build a
//! detection. The test asserts the rates measured through the command
//! line on the full runs (2 false alarms in 50, 49 detections in 50, and
//! far fewer detections on raw times; the thinned runs give the same
//! counts), with one run of slack, and prints every count
//! (`--nocapture`).

use crate::bench::baseline::{judge, EarlierRun};

/// One recorded run.
#[derive(serde::Deserialize)]
struct Run {
    /// `history` or `new`.
    role: String,
    /// `same` (the first build) or `slower` (10% more work).
    kind: String,
    samples_ns: Vec<u64>,
    probe_ns: Vec<u64>,
}

impl Run {
    fn earlier(&self) -> EarlierRun {
        EarlierRun { samples: self.samples_ns.clone(), probe: self.probe_ns.clone() }
    }
}

fn runs() -> Vec<Run> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../benchmarks/verdict/runs.json");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::from_value(doc["runs"].clone()).unwrap()
}

/// (false alarms, runs of the same build, detections, runs of the slower
/// build) against the recorded history.
fn replay(runs: &[Run], adjust: bool) -> (u32, u32, u32, u32) {
    let history: Vec<EarlierRun> = runs.iter().filter(|r| r.role == "history").map(Run::earlier).collect();
    let mut counts = (0, 0, 0, 0);
    for r in runs.iter().filter(|r| r.role == "new") {
        let regressed = judge(&history, &r.earlier(), super::DEFAULT_QUANTILE, 5.0, 0.01, adjust).0.regressed;
        if r.kind == "same" {
            counts.0 += regressed as u32;
            counts.1 += 1;
        } else {
            counts.2 += regressed as u32;
            counts.3 += 1;
        }
    }
    counts
}

#[test]
fn false_alarms_and_detections_on_recorded_runs() {
    let runs = runs();
    let (alarms, same, detected, slower) = replay(&runs, true);
    println!(
        "by the speed probe: {alarms} false alarms in {same} A/A runs, {detected} of {slower} 10% slowdowns detected"
    );
    let (raw_alarms, _, raw_detected, _) = replay(&runs, false);
    println!("raw (--no-speed-adjust): {raw_alarms} false alarms, {raw_detected} detections");
    assert_eq!((same, slower), (50, 50));
    assert!(alarms <= 3, "{alarms} false alarms in 50");
    assert!(detected >= 48, "{detected} detections in 50");
    assert!(raw_detected + 20 < detected, "the probe must help: raw {raw_detected}, adjusted {detected}");
}
