//! Comparing a run with a saved baseline (an earlier JSON report).
//!
//! Results are matched by program name and configuration. A result whose
//! median exceeds the baseline's by more than the tolerance (in percent) is
//! a regression; `bench` then exits with [`super::EXIT_REGRESSION`]. A
//! result missing from the baseline is not compared.

use super::report::{BaselineCmp, Report};

/// Annotates `report`'s results with the comparison; returns the names of
/// the regressed ones.
pub fn compare(report: &mut Report, base: &Report, tolerance_pct: f64) -> Vec<String> {
    let mut regressed = Vec::new();
    for r in &mut report.results {
        let Some(b) = base.results.iter().find(|b| b.name == r.name && b.config == r.config) else { continue };
        let (now, then) = (r.steady.median_ns as f64, b.steady.median_ns as f64);
        let change_pct = if then > 0.0 { (now - then) / then * 100.0 } else { 0.0 };
        let is_regression = change_pct > tolerance_pct;
        if is_regression {
            regressed.push(format!("{} [{}]", r.name, r.config));
        }
        r.baseline =
            Some(BaselineCmp { median_ns: b.steady.median_ns, change_pct, tolerance_pct, regressed: is_regression });
    }
    regressed
}
