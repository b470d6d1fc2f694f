//! A finished browser bench as the playground shows and shares it: the
//! entry word, the samples and their summary (`compiler::stats`, the one
//! native reports use, so a browser and a native median of the same
//! samples are the same number), and the module measured.
//!
//! The worker makes one after each Bench ([`bench_json`]); a share link
//! carries it, and opening the link summarizes its samples again
//! (`crate::share`), so a link's numbers always agree with its samples.

use compiler::stats::Summary;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A finished browser bench.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    #[serde(default = "one")]
    pub calls_per_sample: u64,
}

fn one() -> u64 {
    1
}

impl Bench {
    /// The bench of these samples, summarized; why there is none when
    /// there are no samples.
    pub fn new(
        entry: String,
        samples_ns: Vec<u64>,
        module_sha256: String,
        module_bytes: u64,
        calls_per_sample: u64,
    ) -> Result<Bench, String> {
        let summary = Summary::of(&samples_ns).ok_or("the bench produced no samples")?;
        Ok(Bench { entry, samples_ns, summary, module_sha256, module_bytes, calls_per_sample: calls_per_sample.max(1) })
    }

    /// The same bench with its summary made again from its samples (a
    /// link's numbers must agree with its samples).
    pub fn resummarized(self) -> Result<Bench, String> {
        let Bench { entry, samples_ns, module_sha256, module_bytes, calls_per_sample, .. } = self;
        Bench::new(entry, samples_ns, module_sha256, module_bytes, calls_per_sample)
            .map_err(|_| "the link's bench has no samples".to_string())
    }
}

/// A finished bench as JSON (a [`Bench`]): samples in nanoseconds (whole
/// numbers), the module's sha256 and size, and how many calls each sample
/// is the mean of.
#[wasm_bindgen]
pub fn bench_json(
    entry: String,
    samples_ns: Vec<f64>,
    module_sha256: String,
    module_bytes: f64,
    calls_per_sample: f64,
) -> Result<String, String> {
    let samples = samples_ns.into_iter().map(|s| s as u64).collect();
    let b = Bench::new(entry, samples, module_sha256, module_bytes as u64, calls_per_sample as u64)?;
    serde_json::to_string(&b).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bench_is_summarized_and_needs_samples() {
        let b = Bench::new("MAIN".into(), vec![30, 10, 20], "ab".into(), 100, 0).unwrap();
        assert_eq!((b.summary.median_ns, b.summary.min_ns, b.calls_per_sample), (20, 10, 1));
        assert_eq!(
            Bench::new("MAIN".into(), vec![], "ab".into(), 100, 1).unwrap_err(),
            "the bench produced no samples"
        );
        let mut forged = b.clone();
        forged.summary.median_ns = 1;
        assert_eq!(forged.resummarized().unwrap(), b);
    }
}
