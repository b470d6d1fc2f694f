//! Summary statistics of benchmark samples (nanoseconds), as the bench
//! panel shows them.
//!
//! Percentiles use the nearest-rank method on the sorted samples; the
//! standard deviation is the sample one (n - 1). Guarantee: an empty
//! sample set has no summary rather than a made-up one.

use serde::{Deserialize, Serialize};

/// A summary of samples in nanoseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of samples.
    pub iterations: usize,
    /// Fastest.
    pub min_ns: u64,
    /// Median (the lower middle for an even count).
    pub median_ns: u64,
    /// 95th percentile.
    pub p95_ns: u64,
    /// 99th percentile.
    pub p99_ns: u64,
    /// Slowest.
    pub max_ns: u64,
    /// Mean.
    pub mean_ns: f64,
    /// Sample standard deviation.
    pub stddev_ns: f64,
}

/// The nearest-rank `p` percentile (0 < p ≤ 100) of sorted, non-empty samples.
fn percentile(sorted: &[u64], p: f64) -> u64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Summarizes `samples`; `None` if there are none.
pub fn summarize(samples: &[u64]) -> Option<Summary> {
    if samples.is_empty() {
        return None;
    }
    let mut s = samples.to_vec();
    s.sort_unstable();
    let n = s.len() as f64;
    let mean = s.iter().map(|&x| x as f64).sum::<f64>() / n;
    let var = if s.len() > 1 { s.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / (n - 1.0) } else { 0.0 };
    Some(Summary {
        iterations: s.len(),
        min_ns: s[0],
        median_ns: s[(s.len() - 1) / 2],
        p95_ns: percentile(&s, 95.0),
        p99_ns: percentile(&s, 99.0),
        max_ns: s[s.len() - 1],
        mean_ns: mean,
        stddev_ns: var.sqrt(),
    })
}

/// Nanoseconds as a short human reading: `812 ns`, `3.41 µs`, `12.0 ms`, `1.52 s`.
pub fn human_ns(ns: f64) -> String {
    let (v, unit) = if ns < 1e3 {
        (ns, "ns")
    } else if ns < 1e6 {
        (ns / 1e3, "µs")
    } else if ns < 1e9 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    if unit == "ns" {
        format!("{v:.0} {unit}")
    } else if v < 10.0 {
        format!("{v:.2} {unit}")
    } else if v < 100.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.0} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_of_known_samples() {
        let s = summarize(&[5, 1, 3, 2, 4]).unwrap();
        assert_eq!((s.min_ns, s.median_ns, s.max_ns, s.iterations), (1, 3, 5, 5));
        assert_eq!(s.mean_ns, 3.0);
        assert!((s.stddev_ns - 2.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(s.p95_ns, 5);
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        let v: Vec<u64> = (1..=100).collect();
        let s = summarize(&v).unwrap();
        assert_eq!((s.median_ns, s.p95_ns, s.p99_ns), (50, 95, 99));
    }

    #[test]
    fn no_samples_no_summary_and_one_sample_has_no_spread() {
        assert_eq!(summarize(&[]), None);
        assert_eq!(summarize(&[7]).unwrap().stddev_ns, 0.0);
    }

    #[test]
    fn human_readings() {
        assert_eq!(human_ns(812.0), "812 ns");
        assert_eq!(human_ns(3_410.0), "3.41 µs");
        assert_eq!(human_ns(12_000_000.0), "12.0 ms");
        assert_eq!(human_ns(1_520_000_000.0), "1.52 s");
    }
}
