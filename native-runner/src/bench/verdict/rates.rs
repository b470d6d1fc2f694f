//! The measured error rates of the regression verdict, on real samples:
//! `benchmarks/verdict/aa-runs.json` holds runs of one build of one
//! program (`benchmarks/verdict/README.md` says how they were taken), every
//! other one while a second process kept a core busy.
//!
//! - False alarms: 100 A/A comparisons. For `--baseline`, each trial takes
//!   two different recorded runs at random (seeded), one as the baseline
//!   and one as the new run; for `--against-history`, the new run is
//!   compared with the pooled samples of ten other runs, with the noise
//!   threshold raised to their run-to-run spread as `bench` raises it. A regression
//!   verdict in an A/A comparison is a false alarm.
//! - Detection: the same 100 trials with every sample of the new run
//!   multiplied by 1.10, a real 10% slowdown on top of the same noise.
//!
//! The test asserts the targets (at most 1 false alarm in 100, at least 95
//! detections in 100) and prints the counts (`--nocapture`).

use super::{compare, quantile, SplitMix, DEFAULT_QUANTILE};
use crate::bench::record::spread_pct;

/// One recorded run: its samples and whether the machine was loaded.
#[derive(serde::Deserialize)]
struct Run {
    loaded: bool,
    samples_ns: Vec<u64>,
}

fn runs() -> Vec<Run> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../benchmarks/verdict/aa-runs.json");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::from_value(doc["runs"].clone()).unwrap()
}

fn slower(xs: &[u64]) -> Vec<u64> {
    xs.iter().map(|&x| (x as f64 * 1.10).round() as u64).collect()
}

/// Counts (false alarms, detections) over 100 trials; `history` pools that
/// many other runs as the earlier samples (1: a single baseline).
fn trials(runs: &[Run], history: usize, seed: u64) -> (u32, u32, u32) {
    let mut rng = SplitMix(seed);
    let (mut alarms, mut detected, mut loaded_new) = (0, 0, 0);
    for _ in 0..100 {
        let new = rng.below(runs.len());
        let mut earlier: Vec<usize> = Vec::new();
        while earlier.len() < history {
            let i = rng.below(runs.len());
            if i != new && !earlier.contains(&i) {
                earlier.push(i);
            }
        }
        let old: Vec<u64> = earlier.iter().flat_map(|&i| runs[i].samples_ns.iter().copied()).collect();
        let fresh = &runs[new].samples_ns;
        loaded_new += runs[new].loaded as u32;
        // As `bench --against-history` does: the threshold is at least the
        // run-to-run spread of the pooled runs' quantiles.
        let per_run: Vec<f64> = earlier.iter().map(|&i| quantile(&runs[i].samples_ns, DEFAULT_QUANTILE)).collect();
        let noise = spread_pct(&per_run).map_or(5.0, |f| f.max(5.0));
        alarms += compare(&old, fresh, DEFAULT_QUANTILE, noise, 0.01).regressed as u32;
        detected += compare(&old, &slower(fresh), DEFAULT_QUANTILE, noise, 0.01).regressed as u32;
    }
    (alarms, detected, loaded_new)
}

#[test]
fn false_alarms_and_detections_on_recorded_samples() {
    let runs = runs();
    assert!(runs.len() >= 20 && runs.iter().any(|r| r.loaded) && runs.iter().any(|r| !r.loaded));
    for (what, history) in [("--baseline", 1), ("--against-history", 10)] {
        let (alarms, detected, loaded) = trials(&runs, history, 0xA1A1 + history as u64);
        println!("{what}: {alarms} false alarms in 100 A/A trials, {detected} of 100 10% slowdowns detected ({loaded} new runs loaded)");
        assert!(alarms <= 1, "{what}: {alarms} false alarms in 100");
        assert!(detected >= 95, "{what}: {detected} detections in 100");
    }
}
