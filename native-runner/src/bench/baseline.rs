//! Comparing a run with earlier samples: a saved baseline (an earlier JSON
//! report, `--baseline`) or the store's history (`--against-history`).
//!
//! Results are matched by program name and configuration (for history,
//! also by machine; see `record`). Both use the same test, `verdict`: a
//! significant slowdown beyond the noise threshold is a regression, and
//! `bench` then exits with [`super::EXIT_REGRESSION`]. Against history,
//! the noise threshold is at least the run-to-run spread of the compared
//! quantile over the pooled runs (when there are three or more), so that a
//! machine whose load drifts does not raise alarms its own history shows
//! to be noise. A result with nothing to compare with is not compared.
//!
//! When both sides carry the machine-speed probe (`speed_probe.rs`), the
//! earlier samples are first scaled to the speed the machine has now, so
//! that a machine that got slower as a whole is not taken for slower code
//! (`--no-speed-adjust` compares raw times).

use super::report::{BaselineCmp, BenchResult, Report};
use super::speed_probe::speed_factor;
use super::verdict;

/// The earlier samples of one result, and what they are (for reports).
pub struct Earlier {
    /// The samples.
    pub samples: Vec<u64>,
    /// `baseline FILE`, or `history (N runs)`.
    pub against: String,
    /// The least noise threshold these samples allow, in percent: how far
    /// the compared quantile moved between the recorded runs (history
    /// only).
    pub noise_floor_pct: Option<f64>,
    /// The machine-speed factor the samples were scaled by (now / then,
    /// by the speed probe; for history, the median over the runs), when
    /// they were.
    pub speed_factor: Option<f64>,
}

/// `samples` as they would have been at a speed `factor` times slower.
pub fn scaled(samples: &[u64], factor: f64) -> Vec<u64> {
    samples.iter().map(|&s| (s as f64 * factor).round() as u64).collect()
}

/// Annotates `report`'s results with the comparison against what
/// `earlier` finds for each; returns the names of the regressed ones.
pub fn compare(
    report: &mut Report,
    mut earlier: impl FnMut(&BenchResult, &Report) -> anyhow::Result<Option<Earlier>>,
    quantile: f64,
    noise_pct: f64,
    alpha: f64,
) -> anyhow::Result<Vec<String>> {
    let mut regressed = Vec::new();
    let snapshot = report.clone();
    for r in &mut report.results {
        let Some(e) = earlier(r, &snapshot)? else { continue };
        // A slowdown must exceed both the threshold asked for and the
        // run-to-run movement the history itself shows: on a machine whose
        // load changes, that movement is noise a single run cannot beat.
        let noise = e.noise_floor_pct.map_or(noise_pct, |f| f.max(noise_pct));
        let v = verdict::compare(&e.samples, &r.steady.samples_ns, quantile, noise, alpha);
        if v.regressed {
            regressed.push(format!("{} [{}]", r.name, r.config));
        }
        let median_ns = verdict::median(&e.samples) as u64;
        let change_pct = (verdict::median(&r.steady.samples_ns) / (median_ns.max(1) as f64) - 1.0) * 100.0;
        r.baseline = Some(BaselineCmp {
            median_ns,
            change_pct,
            tolerance_pct: noise,
            regressed: v.regressed,
            against: Some(e.against),
            verdict: Some(v),
            machine_speed_factor: e.speed_factor,
        });
    }
    Ok(regressed)
}

/// The samples of `r`'s result in a saved report; with `adjust`, scaled
/// to the machine's speed now by the two runs' speed probes (quantile `q`).
pub fn from_report(base: &Report, path: &str, r: &BenchResult, q: f64, adjust: bool) -> Option<Earlier> {
    let b = base.results.iter().find(|b| b.name == r.name && b.config == r.config)?;
    let factor = adjust.then(|| speed_factor(&b.speed_probe_ns, &r.speed_probe_ns, q)).flatten();
    Some(Earlier {
        samples: factor.map_or_else(|| b.steady.samples_ns.clone(), |f| scaled(&b.steady.samples_ns, f)),
        against: format!("baseline {path}"),
        noise_floor_pct: None,
        speed_factor: factor,
    })
}
