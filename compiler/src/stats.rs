//! Summary statistics of timing samples, as bench reports and the
//! playground's bench panel give them: one definition for both hosts, so a
//! native and a browser median of the same samples are the same number.
//!
//! Definitions (all over the steady-state samples, in nanoseconds):
//! - `median`: the middle sample, or the mean of the two middle ones
//!   (rounded down);
//! - `p95`, `p99`: nearest-rank percentiles (the smallest sample with at
//!   least that share of samples at or below it);
//! - `stddev`: the sample standard deviation (n - 1), 0 for one sample;
//! - `mad`: the median absolute deviation from the median, unscaled;
//! - `outliers`: samples outside Tukey's fences, more than 1.5 times the
//!   interquartile range below the first or above the third quartile
//!   (quartiles by linear interpolation), as criterion counts them;
//! - `iters_per_sec`: 10^9 / mean, the throughput of back-to-back runs.

use serde::{Deserialize, Serialize};

/// The statistics of one series of samples.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The number of samples.
    pub iterations: u64,
    /// Every sample, in the order measured.
    pub samples_ns: Vec<u64>,
    /// The fastest sample.
    pub min_ns: u64,
    /// The slowest sample.
    pub max_ns: u64,
    /// The median.
    pub median_ns: u64,
    /// The arithmetic mean.
    pub mean_ns: f64,
    /// The 95th percentile (nearest rank).
    pub p95_ns: u64,
    /// The 99th percentile (nearest rank).
    pub p99_ns: u64,
    /// The sample standard deviation.
    pub stddev_ns: f64,
    /// The median absolute deviation.
    pub mad_ns: f64,
    /// Samples beyond Tukey's fences.
    pub outliers: u64,
    /// Iterations per second at the mean.
    pub iters_per_sec: f64,
}

/// The median of sorted values (the mean of the middle two, as f64).
fn median_sorted(v: &[f64]) -> f64 {
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The median of `v` (the mean of the middle two for an even count, 0 for
/// none), sorting `v` in place: the one median of every summary that is
/// not a [`Summary`] (the cost model's errors, a profile's runs).
pub fn median(v: &mut [f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    median_sorted(v)
}

/// The `q` quantile (0..=1) of sorted values by linear interpolation.
fn quantile_sorted(v: &[f64], q: f64) -> f64 {
    let pos = q * (v.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
}

impl Summary {
    /// Summarizes samples; `None` when there are none.
    pub fn of(samples: &[u64]) -> Option<Summary> {
        let n = samples.len();
        if n == 0 {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        let f: Vec<f64> = sorted.iter().map(|&x| x as f64).collect();
        let rank = |p: f64| sorted[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
        let median = median_sorted(&f);
        let mean = f.iter().sum::<f64>() / n as f64;
        let var = if n > 1 { f.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64 } else { 0.0 };
        let mut dev: Vec<f64> = f.iter().map(|x| (x - median).abs()).collect();
        dev.sort_by(f64::total_cmp);
        let (q1, q3) = (quantile_sorted(&f, 0.25), quantile_sorted(&f, 0.75));
        let (lo, hi) = (q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1));
        Some(Summary {
            iterations: n as u64,
            samples_ns: samples.to_vec(),
            min_ns: sorted[0],
            max_ns: sorted[n - 1],
            median_ns: median.floor() as u64,
            mean_ns: mean,
            p95_ns: rank(0.95),
            p99_ns: rank(0.99),
            stddev_ns: var.sqrt(),
            mad_ns: median_sorted(&dev),
            outliers: f.iter().filter(|&&x| x < lo || x > hi).count() as u64,
            iters_per_sec: if mean > 0.0 { 1e9 / mean } else { 0.0 },
        })
    }
}

/// The geometric mean of positive ratios (`None` for none).
pub fn geometric_mean(xs: &[f64]) -> Option<f64> {
    let xs: Vec<f64> = xs.iter().copied().filter(|x| *x > 0.0 && x.is_finite()).collect();
    (!xs.is_empty()).then(|| (xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&mut []), 0.0);
    }

    #[test]
    fn summary_of_known_samples() {
        // Sorted: 10 11 12 13 14 15 16 17 18 100.
        let s = Summary::of(&[12, 10, 11, 13, 14, 100, 15, 16, 17, 18]).unwrap();
        assert_eq!((s.min_ns, s.max_ns, s.median_ns), (10, 100, 14));
        assert_eq!(s.mean_ns, 22.6);
        assert_eq!((s.p95_ns, s.p99_ns), (100, 100));
        // |x - 14.5| sorted: 0.5 0.5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 85.5.
        assert_eq!(s.mad_ns, 2.5);
        // q1 = 12.25, q3 = 16.75, fences 5.5 and 23.5: only 100 is out.
        assert_eq!(s.outliers, 1);
        assert!((s.stddev_ns - 27.3179).abs() < 1e-3, "{}", s.stddev_ns);
        assert!((s.iters_per_sec - 1e9 / 22.6).abs() < 1e-3);
        assert_eq!(s.samples_ns.len(), 10);
    }

    #[test]
    fn one_sample_and_none() {
        let s = Summary::of(&[7]).unwrap();
        assert_eq!((s.median_ns, s.p99_ns, s.stddev_ns, s.mad_ns, s.outliers), (7, 7, 0.0, 0.0, 0));
        assert!(Summary::of(&[]).is_none());
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let v: Vec<u64> = (1..=100).collect();
        let s = Summary::of(&v).unwrap();
        assert_eq!((s.median_ns, s.p95_ns, s.p99_ns), (50, 95, 99));
    }

    #[test]
    fn geometric_mean_of_ratios() {
        assert!((geometric_mean(&[2.0, 8.0]).unwrap() - 4.0).abs() < 1e-12);
        assert!(geometric_mean(&[]).is_none());
    }
}
