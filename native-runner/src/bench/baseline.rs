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

use super::report::{BaselineCmp, BenchResult, Report};
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
        });
    }
    Ok(regressed)
}

/// The samples of `r`'s result in a saved report.
pub fn from_report(base: &Report, path: &str, r: &BenchResult) -> Option<Earlier> {
    let b = base.results.iter().find(|b| b.name == r.name && b.config == r.config)?;
    Some(Earlier { samples: b.steady.samples_ns.clone(), against: format!("baseline {path}"), noise_floor_pct: None })
}
