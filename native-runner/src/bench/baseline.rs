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
//! probe) against the earlier runs' prediction interval, or its raw
//! minimum when the earlier runs' minima spread less than their
//! normalized medians (the probe reads a table, and cache-heavy work
//! beside it can slow it far more than a program that lives in
//! registers; the minimum is the time with the least interference). Against one or two
//! runs, whose run-to-run spread is unknown, the bootstrap over samples at
//! `--quantile` (`verdict::compare`), with each earlier run scaled as a
//! whole by the ratio of the probes' quantiles (a bootstrap resamples
//! single samples, and a per-sample division would add each probe's noise
//! to each of them). On this project's loaded 2-core
//! machine, with four-second runs, the run-level test on normalized
//! medians raised 2 false alarms in 50 A/A runs and caught 49 of 50 real
//! 10% slowdowns, where the same test on raw times caught none
//! (`benchmarks/README.md`, "Regression verdicts").
//!
//! Confirmation ([`judge_confirmed`], `--confirm`): a first verdict of
//! regression is checked by fresh runs of the same program, each judged
//! against the same earlier runs, and stands only when a majority of all
//! runs show it (`verdict::confirm`). A false alarm is a bad moment of a
//! shared machine, a real slowdown shows every time.

use anyhow::Context as _;

use super::report::{BaselineCmp, BenchResult, Confirmation, Report};
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

/// How results are judged: the options of `bench` that the test takes.
#[derive(Clone, Copy, Debug)]
pub struct Test {
    /// The quantile compared by the bootstrap (`--quantile`).
    pub quantile: f64,
    /// The noise threshold in percent (`--tolerance`).
    pub noise_pct: f64,
    /// The significance level (`--alpha`).
    pub alpha: f64,
    /// Normalize by the speed probe (not `--no-speed-adjust`).
    pub adjust: bool,
    /// Confirmation re-runs allowed after a first verdict of regression
    /// (`--confirm`, `verdict::confirm`).
    pub confirm: u32,
}

/// The verdict on `new` against `runs` (see the module's doc), and the
/// machine-speed factor when the samples were normalized.
pub fn judge(runs: &[EarlierRun], new: &EarlierRun, test: &Test) -> (verdict::Verdict, Option<f64>) {
    let Test { quantile, noise_pct, alpha, adjust, .. } = *test;
    if runs.len() >= MIN_RUNS {
        let (earlier, now, factor) = comparable(runs, new, adjust);
        // Normalized samples are compared at their median: with the
        // machine's speed taken out, it is the steadiest value of a run.
        let q = if factor.is_some() { 0.5 } else { quantile };
        let values: Vec<f64> = earlier.iter().map(|s| verdict::quantile(s, q)).collect();
        // Unless the earlier runs' raw minima agree better: the probe can
        // be slowed by what does not slow the program (see the module's
        // doc), and then the fastest sample, the time with the least
        // interference, is the steadier value of a run.
        let minima: Vec<f64> = runs.iter().map(|r| verdict::quantile(&r.samples, 0.0)).collect();
        if factor.is_some() && verdict::log_mean_sd(&minima).1 < verdict::log_mean_sd(&values).1 {
            let now = verdict::quantile(&new.samples, 0.0);
            return (verdict::compare_runs(&minima, now, 0.0, noise_pct, alpha), None);
        }
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

/// Judges `first` against `runs` and, when it is a regression, confirms it
/// with fresh runs from `rerun` as `test.confirm` allows
/// (`verdict::confirm`): the first run's verdict and speed factor, whether
/// the regression stands, and the confirmations.
pub fn judge_confirmed<E>(
    runs: &[EarlierRun],
    first: &EarlierRun,
    test: &Test,
    mut rerun: impl FnMut() -> Result<EarlierRun, E>,
) -> Result<(verdict::Verdict, Option<f64>, bool, Vec<Confirmation>), E> {
    let (v, factor) = judge(runs, first, test);
    let (stands, confirmations) = verdict::confirm::decide(v.regressed, test.confirm, || {
        let again = rerun()?;
        let (verdict, machine_speed_factor) = judge(runs, &again, test);
        let c = Confirmation { machine_speed_factor, samples_ns: again.samples, speed_probe_ns: again.probe, verdict };
        Ok((c.verdict.regressed, c))
    })?;
    Ok((v, factor, stands, confirmations))
}

/// Annotates `report`'s results with the comparison against what
/// `earlier` finds for each, re-measuring the `i`th result with `rerun(i)`
/// to confirm a regression; returns the names of the regressed ones.
pub fn compare(
    report: &mut Report,
    mut earlier: impl FnMut(&BenchResult, &Report) -> anyhow::Result<Option<Earlier>>,
    test: &Test,
    mut rerun: impl FnMut(usize) -> anyhow::Result<EarlierRun>,
) -> anyhow::Result<Vec<String>> {
    let mut regressed = Vec::new();
    let snapshot = report.clone();
    for (i, r) in report.results.iter_mut().enumerate() {
        let Some(e) = earlier(r, &snapshot)? else { continue };
        if e.runs.iter().all(|x| x.samples.is_empty()) {
            continue;
        }
        let new = EarlierRun { samples: r.steady.samples_ns.clone(), probe: r.speed_probe_ns.clone() };
        let (v, factor, stands, confirmations) = judge_confirmed(&e.runs, &new, test, || rerun(i))
            .with_context(|| format!("{} [{}]: the confirmation re-run", r.name, r.config))?;
        if stands {
            regressed.push(format!("{} [{}]", r.name, r.config));
        }
        let pooled: Vec<u64> = e.runs.iter().flat_map(|x| x.samples.iter().copied()).collect();
        let median_ns = verdict::median(&pooled) as u64;
        let change_pct = (verdict::median(&r.steady.samples_ns) / (median_ns.max(1) as f64) - 1.0) * 100.0;
        r.baseline = Some(BaselineCmp {
            median_ns,
            change_pct,
            tolerance_pct: test.noise_pct,
            regressed: stands,
            against: Some(e.against),
            verdict: Some(v),
            machine_speed_factor: factor,
            confirmations,
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

    /// A run of 30 samples around `ns`, the probe steady.
    fn run(ns: u64, seed: u64) -> EarlierRun {
        let samples = (0..30).map(|i| ns + (i * 7919 + seed * 104_729) % 1000).collect();
        EarlierRun { samples, probe: vec![1000; 30] }
    }

    #[test]
    fn the_steadier_of_normalized_medians_and_raw_minima_is_compared() {
        let test = Test { quantile: 0.1, noise_pct: 5.0, alpha: 0.01, adjust: true, confirm: 0 };
        let scaled = |r: EarlierRun, time: f64, probe: f64| EarlierRun {
            samples: r.samples.iter().map(|&x| (x as f64 * time) as u64).collect(),
            probe: r.probe.iter().map(|&x| (x as f64 * probe) as u64).collect(),
        };
        // Cache-heavy neighbours slow the probe by up to half again, the
        // program not at all: the minima agree, the normalized medians not.
        let thrashed: Vec<EarlierRun> = (0..6).map(|i| scaled(run(100_000, i), 1.0, 1.0 + 0.1 * i as f64)).collect();
        let (v, factor) = judge(&thrashed, &scaled(run(110_000, 7), 1.0, 1.3), &test);
        assert_eq!((v.quantile, factor), (0.0, None), "{v:?}");
        assert!(v.regressed && v.describe().starts_with("minimum against 6 runs +"), "{}", v.describe());
        assert!(!judge(&thrashed, &scaled(run(100_000, 8), 1.0, 1.3), &test).0.regressed);
        // The machine as a whole runs at other speeds: the probe follows
        // it, and the normalized medians are compared.
        let drifting: Vec<EarlierRun> =
            (0..6).map(|i| scaled(run(100_000, i), 1.0 + 0.1 * i as f64, 1.0 + 0.1 * i as f64)).collect();
        let (v, factor) = judge(&drifting, &scaled(run(110_000, 7), 1.3, 1.3), &test);
        assert_eq!(v.quantile, 0.5, "{v:?}");
        assert!(v.regressed && factor.is_some(), "{v:?}");
        assert!(!judge(&drifting, &scaled(run(100_000, 8), 1.3, 1.3), &test).0.regressed);
    }

    #[test]
    fn a_regression_stands_only_when_the_reruns_agree() {
        let earlier: Vec<EarlierRun> = (0..5).map(|i| run(100_000 + i * 500, i)).collect();
        let test = Test { quantile: 0.1, noise_pct: 5.0, alpha: 0.01, adjust: true, confirm: 2 };
        let judged = |script: &[u64]| {
            let mut it = script.iter().enumerate();
            let rerun = || it.next().map(|(i, &ns)| run(ns, 9 + i as u64)).ok_or("asked for one run too many");
            let (v, _, stands, confirmations) = judge_confirmed(&earlier, &run(120_000, 7), &test, rerun).unwrap();
            assert!(v.regressed, "{v:?}");
            (stands, confirmations.iter().map(|c| c.verdict.regressed).collect::<Vec<_>>())
        };
        // Two of three runs slower: the first re-run settles it.
        assert_eq!(judged(&[120_000]), (true, vec![true]));
        // The first was a bad moment: neither re-run shows it.
        assert_eq!(judged(&[100_500, 101_000]), (false, vec![false, false]));
        assert_eq!(judged(&[100_500, 120_000]), (true, vec![false, true]));
        // No regression: no re-run.
        let never = || -> Result<EarlierRun, &str> { Err("no re-run expected") };
        let (v, _, stands, taken) = judge_confirmed(&earlier, &run(100_200, 8), &test, never).unwrap();
        assert!(!v.regressed && !stands && taken.is_empty(), "{v:?}");
        // A re-run that fails is an error, not a verdict.
        let failing = || -> Result<EarlierRun, &str> { Err("the program failed") };
        assert_eq!(judge_confirmed(&earlier, &run(120_000, 7), &test, failing).err(), Some("the program failed"));
    }
}
