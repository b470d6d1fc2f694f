//! The regression verdict: is a new series of samples slower than an
//! earlier one, beyond noise? Both `--baseline FILE` and
//! `--against-history` use it.
//!
//! The test, after criterion and Bencher: a bootstrap confidence interval
//! of the ratio of one quantile of the samples (new / earlier), plus a
//! noise threshold. Both series are resampled with replacement
//! [`RESAMPLES`] times; the interval is the percentile interval at the
//! confidence `1 - alpha` (two-sided), and the p-value is the bootstrap's
//! one-sided one: the share of resampled ratios at or below 1. A result is
//! a regression when the slowdown is significant (the whole interval lies
//! above one) and the ratio exceeds `1 + noise` (`--tolerance`): a
//! significant change smaller than the noise threshold is reported as
//! such and does not fail the run.
//!
//! Which quantile: on a busy machine, other processes add time to some
//! iterations and never take any away, so the low quantiles of a run
//! estimate its uncontended time while its median moves with the load. On
//! runs of one build measured while other work shared the cores, medians
//! moved by up to 20% from run to run and the 10th percentile by under 2%
//! (`benchmarks/README.md`, "Regression verdicts"), so the default is the
//! 10th percentile; `--quantile 0.5` compares medians, as criterion does.
//! The resampling is seeded, so the same samples always give the same
//! verdict.
//!
//! Against a history of three runs or more ([`compare_runs`]), the unit of
//! observation is the run, not the sample: samples within a run share the
//! machine's state of the moment, so resampling them pools away the very
//! run-to-run variation a new run is subject to. Each earlier run gives one
//! value (see `baseline`); the new run's value is compared with their
//! Student-t prediction interval on the log scale, which covers a further
//! run of the same code with probability `1 - alpha` when the runs' values
//! are log-normal. The noise threshold applies as above. `quantile` 0
//! there means the runs' minima (`baseline::judge` picks the value that
//! spreads least over the earlier runs). A first verdict of regression is
//! then confirmed by fresh runs (`confirm`).

use serde::{Deserialize, Serialize};

/// Bootstrap resamples for the confidence interval.
pub const RESAMPLES: usize = 1000;

/// The quantile compared by default.
pub const DEFAULT_QUANTILE: f64 = 0.1;

/// The verdict of one comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The quantile compared (0.5: the median).
    pub quantile: f64,
    /// That quantile of the new samples over that of the earlier ones.
    pub ratio: f64,
    /// The bootstrap confidence interval of that ratio.
    pub ratio_ci: [f64; 2],
    /// The confidence level of the interval (1 - alpha).
    pub confidence: f64,
    /// The bootstrap's one-sided p-value of "new is slower": the share
    /// of resampled ratios at or below 1.
    pub p_value: f64,
    /// The significance level.
    pub alpha: f64,
    /// The noise threshold, in percent.
    pub noise_pct: f64,
    /// Samples compared: earlier, new.
    pub samples: [u64; 2],
    /// Significant and slower beyond the noise threshold.
    pub regressed: bool,
    /// How the interval was made.
    #[serde(default)]
    pub method: Method,
}

/// How a verdict's interval was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The bootstrap over samples, as above (`samples`: samples compared).
    #[default]
    Bootstrap,
    /// The prediction interval over earlier runs' values ([`compare_runs`];
    /// `samples`: earlier runs, then 1).
    RunPrediction,
}

impl Verdict {
    /// One line for people: the change, its interval, the p-value and the
    /// conclusion.
    pub fn describe(&self) -> String {
        let change = (self.ratio - 1.0) * 100.0;
        let (lo, hi) = ((self.ratio_ci[0] - 1.0) * 100.0, (self.ratio_ci[1] - 1.0) * 100.0);
        let what = if self.regressed {
            "regression"
        } else if lo > 0.0 {
            "slower, within the noise threshold"
        } else if hi < 0.0 {
            "faster"
        } else {
            "no significant change"
        };
        let of = match self.quantile {
            0.5 => "median".to_string(),
            0.0 => "minimum".to_string(),
            q => format!("p{:.0}", q * 100.0),
        };
        let of = match self.method {
            Method::Bootstrap => of,
            Method::RunPrediction => format!("{of} against {} runs", self.samples[0]),
        };
        format!(
            "{of} {change:+.1}% [{lo:+.1}%, {hi:+.1}%] at {:.0}%, p = {}: {what}",
            self.confidence * 100.0,
            format_p(self.p_value)
        )
    }
}

fn format_p(p: f64) -> String {
    if p < 1.0 / RESAMPLES as f64 && p > 0.0 {
        format!("{p:.1e}")
    } else if p == 0.0 {
        format!("< {}", 1.0 / RESAMPLES as f64)
    } else {
        format!("{p:.3}")
    }
}

/// Compares `new` with `old` at quantile `q`.
pub fn compare(old: &[u64], new: &[u64], q: f64, noise_pct: f64, alpha: f64) -> Verdict {
    let ratio = quantile(new, q) / quantile(old, q).max(f64::MIN_POSITIVE);
    let (ratio_ci, p_value) = bootstrap_ratio(old, new, q, alpha);
    let significant = ratio_ci[0] > 1.0;
    Verdict {
        quantile: q,
        ratio,
        ratio_ci,
        confidence: 1.0 - alpha,
        p_value,
        alpha,
        noise_pct,
        samples: [old.len() as u64, new.len() as u64],
        regressed: !old.is_empty() && !new.is_empty() && significant && ratio > 1.0 + noise_pct / 100.0,
        method: Method::Bootstrap,
    }
}

/// Compares the new run's value (a quantile `q` of its samples) with the
/// same value of each earlier run: the ratio to their geometric mean, its
/// prediction interval (Student's t with one degree of freedom fewer than
/// the runs, on the log scale) and the one-sided p-value of "new is
/// slower". The question is one-sided, so the interval's lower bound is
/// the one-sided `1 - alpha` bound (the interval is a two-sided
/// `1 - 2 alpha` one): a run of unchanged code lies above it with
/// probability `alpha`. Needs at least three earlier runs.
pub fn compare_runs(earlier: &[f64], new: f64, q: f64, noise_pct: f64, alpha: f64) -> Verdict {
    use statrs::distribution::{ContinuousCDF, StudentsT};
    assert!(earlier.len() >= 3, "a prediction interval needs three runs");
    let k = earlier.len() as f64;
    let (mean, sd) = log_mean_sd(earlier);
    // The spread of a further run around the earlier runs' mean.
    let se = (sd * (1.0 + 1.0 / k).sqrt()).max(f64::MIN_POSITIVE);
    let t = StudentsT::new(0.0, 1.0, k - 1.0).expect("two or more degrees of freedom");
    let d = new.max(f64::MIN_POSITIVE).ln() - mean;
    let half = t.inverse_cdf(1.0 - alpha) * se;
    let ratio = d.exp();
    Verdict {
        quantile: q,
        ratio,
        ratio_ci: [(d - half).exp(), (d + half).exp()],
        confidence: 1.0 - 2.0 * alpha,
        p_value: 1.0 - t.cdf(d / se),
        alpha,
        noise_pct,
        samples: [earlier.len() as u64, 1],
        regressed: d - half > 0.0 && ratio > 1.0 + noise_pct / 100.0,
        method: Method::RunPrediction,
    }
}

/// The mean and the sample standard deviation of the logarithms of
/// `values` (0 for fewer than two): how much runs' values spread, as a
/// share of their size.
pub fn log_mean_sd(values: &[f64]) -> (f64, f64) {
    let logs: Vec<f64> = values.iter().map(|x| x.max(f64::MIN_POSITIVE).ln()).collect();
    let k = logs.len() as f64;
    let mean = logs.iter().sum::<f64>() / k.max(1.0);
    if logs.len() < 2 {
        return (mean, 0.0);
    }
    (mean, (logs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (k - 1.0)).sqrt())
}

/// The median (the mean of the middle two for an even count; 0 for none).
pub fn median(xs: &[u64]) -> f64 {
    quantile(xs, 0.5)
}

/// The `q` quantile by linear interpolation between the closest ranks
/// (0 for no samples).
pub fn quantile(xs: &[u64], q: f64) -> f64 {
    let mut v = xs.to_vec();
    quantile_in_place(&mut v, q)
}

fn quantile_in_place(v: &mut [u64], q: f64) -> f64 {
    let n = v.len();
    if n == 0 {
        return 0.0;
    }
    let pos = q.clamp(0.0, 1.0) * (n - 1) as f64;
    let lo = pos.floor() as usize;
    let (_, &mut a, rest) = v.select_nth_unstable(lo);
    let frac = pos - lo as f64;
    if frac == 0.0 || rest.is_empty() {
        return a as f64;
    }
    let b = *rest.iter().min().expect("not empty");
    a as f64 + (b as f64 - a as f64) * frac
}

/// A small, seeded generator (SplitMix64): reproducible resampling.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }
}

/// The percentile bootstrap interval of quantile(new) / quantile(old),
/// and the share of resampled ratios at or below 1.
fn bootstrap_ratio(old: &[u64], new: &[u64], q: f64, alpha: f64) -> ([f64; 2], f64) {
    if old.is_empty() || new.is_empty() {
        return ([f64::NAN, f64::NAN], 1.0);
    }
    let mut rng = SplitMix(0x5EED ^ ((old.len() as u64) << 32) ^ new.len() as u64);
    let (mut a, mut b) = (vec![0u64; old.len()], vec![0u64; new.len()]);
    let mut ratios: Vec<f64> = (0..RESAMPLES)
        .map(|_| {
            a.iter_mut().for_each(|x| *x = old[rng.below(old.len())]);
            b.iter_mut().for_each(|x| *x = new[rng.below(new.len())]);
            quantile_in_place(&mut b, q) / quantile_in_place(&mut a, q).max(f64::MIN_POSITIVE)
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let at = |p: f64| ratios[((p * RESAMPLES as f64) as usize).min(RESAMPLES - 1)];
    let p_value = ratios.iter().filter(|&&r| r <= 1.0).count() as f64 / RESAMPLES as f64;
    ([at(alpha / 2.0), at(1.0 - alpha / 2.0)], p_value)
}

pub mod confirm;
#[cfg(test)]
mod rates;

#[cfg(test)]
mod tests {
    use super::*;

    fn series(base: f64, n: usize, seed: u64) -> Vec<u64> {
        let mut r = SplitMix(seed);
        (0..n).map(|_| (base * (1.0 + (r.below(1000) as f64 - 500.0) / 25_000.0)) as u64).collect()
    }

    #[test]
    fn a_real_slowdown_is_a_regression_and_noise_is_not() {
        let old = series(1e6, 30, 1);
        let slow = series(1.2e6, 30, 2);
        let v = compare(&old, &slow, 0.5, 5.0, 0.01);
        assert!(v.regressed && v.p_value < 0.01, "{v:?}");
        assert!(v.ratio_ci[0] > 1.1 && v.ratio_ci[1] < 1.3, "{v:?}");
        assert!(v.describe().contains("median +") && v.describe().contains("regression"), "{}", v.describe());
        let same = series(1e6, 30, 3);
        let v = compare(&old, &same, 0.5, 5.0, 0.01);
        assert!(!v.regressed && v.ratio_ci[0] < 1.0 && v.ratio_ci[1] > 1.0, "{v:?}");
        assert!(v.describe().contains("no significant change"), "{}", v.describe());
    }

    #[test]
    fn contention_moves_the_median_but_not_the_low_quantile() {
        // The same speed, but in the new run 70% of the iterations were
        // delayed by another process.
        let old = series(1e6, 100, 4);
        let new: Vec<u64> =
            series(1e6, 100, 5).iter().enumerate().map(|(i, &x)| if i % 10 < 7 { x * 13 / 10 } else { x }).collect();
        assert!(compare(&old, &new, 0.5, 5.0, 0.01).regressed);
        assert!(!compare(&old, &new, DEFAULT_QUANTILE, 5.0, 0.01).regressed);
    }

    #[test]
    fn a_significant_change_within_the_threshold_passes() {
        let old = series(1e6, 200, 4);
        let v = compare(&old, &series(1.03e6, 200, 5), 0.5, 5.0, 0.01);
        assert!(v.ratio_ci[0] > 1.0 && !v.regressed, "{v:?}");
        assert!(v.describe().contains("within the noise threshold"), "{}", v.describe());
    }

    #[test]
    fn the_verdict_is_reproducible() {
        let (a, b) = (series(1e6, 20, 6), series(1.1e6, 20, 7));
        assert_eq!(compare(&a, &b, 0.1, 5.0, 0.01), compare(&a, &b, 0.1, 5.0, 0.01));
    }

    #[test]
    fn a_run_far_outside_the_earlier_runs_is_a_regression() {
        let earlier = [1.00e6, 1.02e6, 0.99e6, 1.01e6, 0.98e6];
        let v = compare_runs(&earlier, 1.10e6, 0.5, 5.0, 0.01);
        assert!(v.regressed && v.p_value < 0.005, "{v:?}");
        assert!(v.ratio_ci[0] > 1.0 && v.ratio_ci[1] > v.ratio, "{v:?}");
        assert!(v.describe().contains("against 5 runs") && v.describe().contains("regression"), "{}", v.describe());
        // Within the runs' own spread: no change.
        let v = compare_runs(&earlier, 1.02e6, 0.5, 5.0, 0.01);
        assert!(!v.regressed && v.ratio_ci[0] < 1.0, "{v:?}");
        // Earlier runs that spread widely cannot vouch for a 10% change.
        let v = compare_runs(&[0.8e6, 1.2e6, 1.0e6, 0.9e6], 1.10e6, 0.5, 5.0, 0.01);
        assert!(!v.regressed, "{v:?}");
    }

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(median(&[3, 1, 2]), 2.0);
        assert_eq!(median(&[4, 1, 3, 2]), 2.5);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(quantile(&[10, 20, 30, 40, 50], 0.1), 14.0);
        assert_eq!(quantile(&[10, 20, 30, 40, 50], 0.0), 10.0);
    }
}
