//! `bench --record` and `--against-history`: a report as rows of the
//! results store, and the recorded samples a new result is compared with.
//!
//! A series is one program on one machine under one configuration. The
//! machine is `--machine`, else `FASTFORTH_MACHINE`, else the host name;
//! the configuration is the level label (`O2`, `artifact`) followed by the
//! compiler options that differ from the usual ones and the engine
//! experiment, if any, so that runs with other settings form their own
//! series. Each result also records the git commit of its source's
//! checkout (with `-dirty` when the file has uncommitted changes).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::process::Command;

use super::baseline::EarlierRun;
use super::report::{BenchResult, Report};
use crate::store::{ResultRow, RunRow, SeriesFilter, Store};

/// The compiler options' usual values, left out of configuration names:
/// what a module built with the default limits records, as the compiler
/// itself writes it (so a new switch is usual at its default without a
/// list to update).
fn usual() -> BTreeMap<String, String> {
    let cfg = compiler::Limits::default().config();
    let doc = serde_json::json!({
        "layout": compiler::link::recorded_layout(&cfg),
        "passes": compiler::pipeline::recorded_passes(&cfg),
    });
    super::measure::recorded_options(Some(&doc))
}

/// This machine's name in the store.
pub fn machine_name(given: Option<&str>) -> String {
    if let Some(m) = given.filter(|m| !m.is_empty()) {
        return m.to_string();
    }
    if let Some(m) = std::env::var("FASTFORTH_MACHINE").ok().filter(|m| !m.is_empty()) {
        return m;
    }
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at
    // most that many bytes.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    match (rc, std::str::from_utf8(&buf[..end])) {
        (0, Ok(s)) if !s.is_empty() => s.to_string(),
        _ => "unknown".into(),
    }
}

/// The configuration name of a result.
pub fn config_name(r: &BenchResult, report: &Report) -> String {
    let mut parts = vec![r.config.clone()];
    let usual = usual();
    for (k, v) in &r.compiler_options {
        if usual.get(k) != Some(v) {
            parts.push(format!("{k}={v}"));
        }
    }
    if let Some(e) = report.provenance.options.get("engine_experiment").and_then(|e| e.as_str()) {
        parts.push(format!("engine={e}"));
    }
    parts.join(" ")
}

/// The git commit of the checkout holding `file`, with `-dirty` when the
/// file differs from it; `None` outside git or without git.
pub fn git_revision(file: &Path) -> Option<String> {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let git = |args: &[&str]| {
        let o = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
        o.status.success().then(|| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let rev = git(&["rev-parse", "HEAD"])?;
    let name = file.file_name()?.to_str()?;
    let status = git(&["status", "--porcelain", "--", name])?;
    Some(if status.is_empty() { rev } else { format!("{rev}-dirty") })
}

/// The rows of a report.
pub fn rows(report: &Report, machine: &str) -> anyhow::Result<(RunRow, Vec<ResultRow>)> {
    let p = &report.provenance;
    let run = RunRow {
        timestamp: p.timestamp.clone(),
        machine: machine.to_string(),
        cpu_model: p.cpu_model.clone(),
        cpu_features: p.cranelift.cpu_features.join(","),
        target_triple: p.target_triple.clone(),
        os: p.os.clone(),
        cores: p.cores as i64,
        tool_version: p.tool_version.clone(),
        runner_git_revision: p.git_revision.clone(),
        wasmtime_version: p.wasmtime_version.clone(),
        load_1m: p.load_average.map(|l| l[0]),
        report: serde_json::to_string(report)?,
    };
    let mut revs: HashMap<String, Option<String>> = HashMap::new();
    let results = report
        .results
        .iter()
        .map(|r| {
            let rev = r
                .source
                .as_ref()
                .and_then(|s| revs.entry(s.clone()).or_insert_with(|| git_revision(Path::new(s))).clone());
            let s = &r.steady;
            let mut sorted = s.samples_ns.clone();
            sorted.sort_unstable();
            let q = |f: f64| quartile(&sorted, f);
            ResultRow {
                run_id: 0,
                timestamp: String::new(),
                machine: String::new(),
                runner_git_revision: String::new(),
                program: r.name.clone(),
                config: config_name(r, report),
                entry: r.entry.clone(),
                module_sha256: r.module_sha256.clone(),
                source: r.source.clone(),
                source_sha256: r.source_sha256.clone(),
                source_git_revision: rev,
                median_ns: s.median_ns as i64,
                min_ns: s.min_ns as i64,
                max_ns: s.max_ns as i64,
                q1_ns: q(0.25),
                q3_ns: q(0.75),
                samples_ns: s.samples_ns.clone(),
                probe_ns: r.speed_probe_ns.clone(),
            }
        })
        .collect();
    Ok((run, results))
}

/// The `f` quantile of sorted samples by linear interpolation (0 for none).
pub fn quartile(sorted: &[u64], f: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = f * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] as f64 + (sorted[hi] as f64 - sorted[lo] as f64) * (pos - lo as f64)
}

/// The recorded history of `r`'s series: its last `runs` runs on
/// `machine`, oldest first, each with its samples and speed probe.
pub fn history_runs(
    store: &mut Store,
    r: &BenchResult,
    report: &Report,
    machine: &str,
    runs: usize,
) -> anyhow::Result<Vec<EarlierRun>> {
    let filter = SeriesFilter {
        programs: vec![r.name.clone()],
        machine: Some(machine.to_string()),
        config: Some(config_name(r, report)),
    };
    let rows = store.results(&filter)?;
    let skip = rows.len().saturating_sub(runs);
    Ok(rows[skip..].iter().map(|x| EarlierRun { samples: x.samples_ns.clone(), probe: x.probe_ns.clone() }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate() {
        assert_eq!(quartile(&[1, 2, 3, 4, 5], 0.25), 2.0);
        assert_eq!(quartile(&[10, 20], 0.5), 15.0);
        assert_eq!(quartile(&[], 0.5), 0.0);
    }

    #[test]
    fn machine_names_come_from_the_flag_first() {
        assert_eq!(machine_name(Some("box-1")), "box-1");
        assert!(!machine_name(None).is_empty());
    }

    #[test]
    fn git_revisions_of_files_in_and_out_of_a_checkout() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        // In CI this is a clean clone; a developer's file may be dirty.
        if let Some(rev) = git_revision(&here) {
            assert!(rev.len() >= 40 && rev[..40].chars().all(|c| c.is_ascii_hexdigit()), "{rev}");
        }
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.fs");
        std::fs::write(&f, ": MAIN ;").unwrap();
        assert_eq!(git_revision(&f), None);
    }
}
