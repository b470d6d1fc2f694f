//! Comparing a run with earlier samples: a saved baseline (an earlier JSON
//! report, `--baseline`) or the store's history (`--against-history`).
//!
//! Results are matched by program name and configuration (for history,
//! also by machine; see `record`). Both end in a `verdict`: a significant
//! slowdown beyond the noise threshold is a regression, and `bench` then
//! exits with [`super::EXIT_REGRESSION`]. A result with nothing to compare
//! with is not compared.
//!
//! Machine speed: when every compared run carries the machine-speed probe
//! (`speed_probe.rs`, one probe right before each sample), each sample is
//! first divided by the machine's speed at its time (the median of the
//! probes around it) and multiplied by the new run's median probe
//! ([`normalized`]), so that times taken while the machine as a whole
//! ran slower or faster (frequency steps, steal time, a neighbour on the
//! sibling hyperthread) are brought to the speed it has now.
//! `--no-speed-adjust` compares raw times.
//!
//! The test: against three earlier runs or more, each run counts as one
//! observation (`verdict::compare_runs`): its median of normalized samples
//! (the quantile `--quantile` of raw samples, for runs recorded without a
//! probe) against the earlier runs' prediction interval. Against one or two
//! runs, whose run-to-run spread is unknown, the bootstrap over samples at
//! `--quantile` (`verdict::compare`), with each earlier run scaled as a
//! whole by the ratio of the probes' quantiles (a bootstrap resamples
//! single samples, and a per-sample division would add each probe's noise
//! to each of them). On this project's loaded 2-core
//! machine, with four-second runs, the run-level test on normalized
//! medians raised 2 false alarms in 50 A/A runs and caught 49 of 50 real
//! 10% slowdowns, where the same test on raw times caught none
//! (`benchmarks/README.md`, "Regression verdicts").

use super::report::{BaselineCmp, BenchResult, Report};
use super::verdict;

/// One run's samples and the probe beside each.
#[derive(Clone, Debug, Default)]
pub struct EarlierRun {
    /// The samples, in the order measured.
    pub samples: Vec<u64>,
    /// The speed probe before each sample (empty: none recorded).
    pub probe: Vec<u64>,
}

/// What one result is compared with, and what that is (for reports).
pub struct Earlier {
    /// The earlier runs, oldest first.
    pub runs: Vec<EarlierRun>,
    /// `baseline FILE`, or `history (N runs)`.
    pub against: String,
}

/// The fewest earlier runs the run-level test takes.
const MIN_RUNS: usize = 3;

/// Probes on each side of a sample that its speed is the median of.
const PROBE_WINDOW: usize = 2;

/// Each sample divided by the machine's speed at its time and multiplied
/// by `reference`: the time it would have taken at the speed the probe
/// `reference` stands for. The speed at a sample is the median of the
/// probes around it (two on each side), so that one probe that the
/// scheduler interrupted cannot turn its sample into an outlier. `None`
/// without a probe beside every sample.
pub fn normalized(samples: &[u64], probe: &[u64], reference: f64) -> Option<Vec<u64>> {
    if samples.len() != probe.len() || samples.is_empty() {
        return None;
    }
    let speed =
        |i: usize| verdict::median(&probe[i.saturating_sub(PROBE_WINDOW)..(i + PROBE_WINDOW + 1).min(probe.len())]);
    Some(samples.iter().enumerate().map(|(i, &s)| (s as f64 * reference / speed(i).max(1.0)).round() as u64).collect())
}

/// The samples the test compares, earlier runs' and the new run's, and the
/// machine-speed factor (new probe median over the earlier ones'), when
/// `adjust` and every run has a probe; else the raw samples.
fn comparable(runs: &[EarlierRun], new: &EarlierRun, adjust: bool) -> (Vec<Vec<u64>>, Vec<u64>, Option<f64>) {
    let raw = || (runs.iter().map(|x| x.samples.clone()).collect(), new.samples.clone(), None);
    if !adjust || new.probe.is_empty() {
        return raw();
    }
    let reference = verdict::median(&new.probe);
    let earlier: Option<Vec<Vec<u64>>> = runs.iter().map(|x| normalized(&x.samples, &x.probe, reference)).collect();
    match (earlier, normalized(&new.samples, &new.probe, reference)) {
        (Some(earlier), Some(now)) => {
            let probes: Vec<u64> = runs.iter().flat_map(|x| x.probe.iter().copied()).collect();
            (earlier, now, Some(reference / verdict::median(&probes).max(1.0)))
        }
        _ => raw(),
    }
}

/// The verdict on `new` against `runs` (see the module's doc), and the
/// machine-speed factor when the samples were normalized.
pub fn judge(
    runs: &[EarlierRun],
    new: &EarlierRun,
    quantile: f64,
    noise_pct: f64,
    alpha: f64,
    adjust: bool,
) -> (verdict::Verdict, Option<f64>) {
    if runs.len() >= MIN_RUNS {
        let (earlier, now, factor) = comparable(runs, new, adjust);
        // Normalized samples are compared at their median: with the
        // machine's speed taken out, it is the steadiest value of a run.
        let q = if factor.is_some() { 0.5 } else { quantile };
        let values: Vec<f64> = earlier.iter().map(|s| verdict::quantile(s, q)).collect();
        return (verdict::compare_runs(&values, verdict::quantile(&now, q), q, noise_pct, alpha), factor);
    }
    // The bootstrap resamples single samples, and dividing each by its own
    // probe would add the probe's noise to every one of them (on a machine
    // so busy that a probe takes ten times as long now and then, the
    // interval spans a factor of ten): each earlier run is scaled as a
    // whole instead, by the ratio of the probes' quantiles.
    let speed = |probe: &[u64]| (adjust && !probe.is_empty()).then(|| verdict::quantile(probe, quantile));
    let scale: Option<Vec<f64>> = match speed(&new.probe) {
        Some(now) => runs.iter().map(|r| speed(&r.probe).map(|then| now / then.max(1.0))).collect(),
        None => None,
    };
    let earlier: Vec<u64> = match &scale {
        Some(f) => runs
            .iter()
            .zip(f)
            .flat_map(|(r, f)| r.samples.iter().map(move |&x| (x as f64 * f).round() as u64))
            .collect(),
        None => runs.iter().flat_map(|r| r.samples.iter().copied()).collect(),
    };
    let factor = scale.map(|f| f.iter().sum::<f64>() / f.len().max(1) as f64);
    (verdict::compare(&earlier, &new.samples, quantile, noise_pct, alpha), factor)
}

/// Annotates `report`'s results with the comparison against what
/// `earlier` finds for each; returns the names of the regressed ones.
pub fn compare(
    report: &mut Report,
    mut earlier: impl FnMut(&BenchResult, &Report) -> anyhow::Result<Option<Earlier>>,
    quantile: f64,
    noise_pct: f64,
    alpha: f64,
    adjust: bool,
) -> anyhow::Result<Vec<String>> {
    let mut regressed = Vec::new();
    let snapshot = report.clone();
    for r in &mut report.results {
        let Some(e) = earlier(r, &snapshot)? else { continue };
        if e.runs.iter().all(|x| x.samples.is_empty()) {
            continue;
        }
        let new = EarlierRun { samples: r.steady.samples_ns.clone(), probe: r.speed_probe_ns.clone() };
        let (v, factor) = judge(&e.runs, &new, quantile, noise_pct, alpha, adjust);
        if v.regressed {
            regressed.push(format!("{} [{}]", r.name, r.config));
        }
        let pooled: Vec<u64> = e.runs.iter().flat_map(|x| x.samples.iter().copied()).collect();
        let median_ns = verdict::median(&pooled) as u64;
        let change_pct = (verdict::median(&r.steady.samples_ns) / (median_ns.max(1) as f64) - 1.0) * 100.0;
        r.baseline = Some(BaselineCmp {
            median_ns,
            change_pct,
            tolerance_pct: noise_pct,
            regressed: v.regressed,
            against: Some(e.against),
            verdict: Some(v),
            machine_speed_factor: factor,
        });
    }
    Ok(regressed)
}

/// The samples of `r`'s result in a saved report.
pub fn from_report(base: &Report, path: &str, r: &BenchResult) -> Option<Earlier> {
    let b = base.results.iter().find(|b| b.name == r.name && b.config == r.config)?;
    Some(Earlier {
        runs: vec![EarlierRun { samples: b.steady.samples_ns.clone(), probe: b.speed_probe_ns.clone() }],
        against: format!("baseline {path}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_divides_each_sample_by_the_speed_around_it() {
        // The machine halves its speed after the third sample.
        let probe = [10, 10, 10, 20, 20, 20];
        let samples = [100, 100, 100, 200, 200, 200];
        assert_eq!(normalized(&samples, &probe, 10.0), Some(vec![100, 100, 100, 100, 100, 100]));
        // One interrupted probe does not make its sample look fast.
        let probe = [10, 10, 10, 900, 10, 10, 10];
        assert_eq!(normalized(&[100; 7], &probe, 10.0), Some(vec![100; 7]));
        assert_eq!(normalized(&[100, 300], &[10], 20.0), None);
        assert_eq!(normalized(&[], &[], 20.0), None);
    }
}
