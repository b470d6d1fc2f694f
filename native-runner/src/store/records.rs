//! The store's rows and the statements that write and read them: bench
//! runs with their results and samples, and scanned definitions.
//!
//! Guarantees: a run and all its results are written in one transaction;
//! reads return runs oldest first (by timestamp, then by the order they
//! were recorded), so a series is in time order on both backends.

use super::{Kind, Sql, Store, Value};

/// One recorded bench run: the report's provenance, flattened.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRow {
    /// When the run started (RFC 3339).
    pub timestamp: String,
    /// The machine's name (`--machine`, else the host name).
    pub machine: String,
    /// The CPU's model.
    pub cpu_model: String,
    /// The CPU features Cranelift used, comma-separated.
    pub cpu_features: String,
    /// The target triple.
    pub target_triple: String,
    /// The operating system.
    pub os: String,
    /// Cores available.
    pub cores: i64,
    /// The runner's (and compiler's) version.
    pub tool_version: String,
    /// The commit the runner was built from.
    pub runner_git_revision: String,
    /// wasmtime's version.
    pub wasmtime_version: String,
    /// The 1-minute load average when the run started.
    pub load_1m: Option<f64>,
    /// The whole `fastforth.bench/1` report, as JSON.
    pub report: String,
}

/// One program under one configuration in one run, with the run's
/// time and machine when read back.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    /// The run it belongs to (set when read back).
    pub run_id: i64,
    /// The run's timestamp (set when read back).
    pub timestamp: String,
    /// The run's machine (set when read back).
    pub machine: String,
    /// The runner's commit (set when read back).
    pub runner_git_revision: String,
    /// The program's name.
    pub program: String,
    /// The configuration: the level and the settings that differ from the
    /// usual ones (`O2`, `O3 unroll=8`).
    pub config: String,
    /// The timed word.
    pub entry: String,
    /// The linked module's sha256.
    pub module_sha256: String,
    /// The source file.
    pub source: Option<String>,
    /// Its sha256.
    pub source_sha256: Option<String>,
    /// The git commit of the source's checkout (`-dirty` when the file
    /// differs from it), when it is in one.
    pub source_git_revision: Option<String>,
    /// The median sample.
    pub median_ns: i64,
    /// The fastest sample.
    pub min_ns: i64,
    /// The slowest sample.
    pub max_ns: i64,
    /// The first quartile.
    pub q1_ns: f64,
    /// The third quartile.
    pub q3_ns: f64,
    /// Every steady-state sample, in the order measured.
    pub samples_ns: Vec<u64>,
    /// The machine-speed probe beside each sample (empty for runs recorded
    /// before schema version 3).
    pub probe_ns: Vec<u64>,
}

/// Which results to read.
#[derive(Clone, Debug, Default)]
pub struct SeriesFilter {
    /// Only these programs (all when empty).
    pub programs: Vec<String>,
    /// Only this machine.
    pub machine: Option<String>,
    /// Only this configuration.
    pub config: Option<String>,
}

/// One headed definition found by a scan.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DefinitionRow {
    /// When the scan ran (RFC 3339).
    pub scanned_at: String,
    /// The folder that was scanned.
    pub root: String,
    /// The file.
    pub file: String,
    /// The line of its `:` (1-based).
    pub line: i64,
    /// The word.
    pub word: String,
    /// GENERATED_BY.
    pub agent: Option<String>,
    /// PATTERN_ID.
    pub pattern: Option<String>,
    /// TIMESTAMP.
    pub timestamp: Option<String>,
    /// VERIFIED, as written.
    pub verified: Option<String>,
    /// SPEC_HASH, as written.
    pub spec_hash: Option<String>,
    /// The sha256 of the definition's text now.
    pub current_hash: String,
    /// `verified`, `failed`, `changed since SPEC_HASH`, ...
    pub status: String,
    /// Whether its recorded verification passed and its text is unchanged.
    pub is_verified: bool,
    /// Whether its verification failed or its text changed.
    pub is_failure: bool,
    /// Tests passed, from VERIFIED.
    pub tests_passed: Option<i64>,
    /// Tests run, from VERIFIED.
    pub tests_total: Option<i64>,
    /// Every header, as a JSON object.
    pub headers: serde_json::Value,
}

/// Which definitions to read.
#[derive(Clone, Debug, Default)]
pub struct DefinitionFilter {
    /// Only this agent.
    pub agent: Option<String>,
    /// Only this pattern.
    pub pattern: Option<String>,
    /// Only failures.
    pub failures: bool,
    /// Only verified ones.
    pub verified_only: bool,
    /// Only the latest scan of each file (older scans are history).
    pub latest_only: bool,
}

fn text(s: &str) -> Value {
    Value::Text(Some(s.to_string()))
}

fn opt_text(s: &Option<String>) -> Value {
    Value::Text(s.clone())
}

fn int(v: i64) -> Value {
    Value::Int(Some(v))
}

const RESULT_COLUMNS: &str = "r.run_id, u.timestamp, u.machine, u.runner_git_revision, r.program, r.config, r.entry, \
     r.module_sha256, r.source, r.source_sha256, r.source_git_revision, r.median_ns, r.min_ns, r.max_ns, r.q1_ns, \
     r.q3_ns, r.samples_ns, r.probe_ns";

const RESULT_KINDS: &[Kind] = &[
    Kind::Int,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Int,
    Kind::Int,
    Kind::Int,
    Kind::Real,
    Kind::Real,
    Kind::Text,
    Kind::Text,
];

fn result_row(v: &[Value]) -> anyhow::Result<ResultRow> {
    let s = |i: usize| v[i].text().unwrap_or_default().to_string();
    let o = |i: usize| v[i].text().map(str::to_string);
    Ok(ResultRow {
        run_id: v[0].int().unwrap_or_default(),
        timestamp: s(1),
        machine: s(2),
        runner_git_revision: s(3),
        program: s(4),
        config: s(5),
        entry: s(6),
        module_sha256: s(7),
        source: o(8),
        source_sha256: o(9),
        source_git_revision: o(10),
        median_ns: v[11].int().unwrap_or_default(),
        min_ns: v[12].int().unwrap_or_default(),
        max_ns: v[13].int().unwrap_or_default(),
        q1_ns: v[14].real().unwrap_or_default(),
        q3_ns: v[15].real().unwrap_or_default(),
        samples_ns: serde_json::from_str(v[16].text().unwrap_or("[]"))?,
        probe_ns: serde_json::from_str(v[17].text().unwrap_or("[]"))?,
    })
}

/// `$n` placeholders for `values`, appending them; returns `(ph, ...)`.
fn placeholders(params: &mut Vec<Value>, values: &[String]) -> String {
    let ph: Vec<String> = values
        .iter()
        .map(|v| {
            params.push(text(v));
            format!("${}", params.len())
        })
        .collect();
    format!("({})", ph.join(", "))
}

impl Store {
    /// Records a run and its results in one transaction; returns the run's id.
    pub fn record_run(&mut self, run: &RunRow, results: &[ResultRow]) -> anyhow::Result<i64> {
        self.write(|sql| {
            let recorded_at = crate::host::timestamp();
            let rows = sql.query(
                "INSERT INTO runs (recorded_at, timestamp, machine, cpu_model, cpu_features, target_triple, os, cores, \
                 tool_version, runner_git_revision, wasmtime_version, load_1m, report) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
                &[
                    text(&recorded_at),
                    text(&run.timestamp),
                    text(&run.machine),
                    text(&run.cpu_model),
                    text(&run.cpu_features),
                    text(&run.target_triple),
                    text(&run.os),
                    int(run.cores),
                    text(&run.tool_version),
                    text(&run.runner_git_revision),
                    text(&run.wasmtime_version),
                    Value::Real(run.load_1m),
                    text(&run.report),
                ],
                &[Kind::Int],
            )?;
            let id = rows.first().and_then(|r| r[0].int()).ok_or_else(|| anyhow::anyhow!("no id for the new run"))?;
            for r in results {
                insert_result(sql, id, r)?;
            }
            Ok(id)
        })
    }

    /// The results that pass `filter`, oldest run first.
    pub fn results(&mut self, filter: &SeriesFilter) -> anyhow::Result<Vec<ResultRow>> {
        let mut params = Vec::new();
        let mut conds = Vec::new();
        if !filter.programs.is_empty() {
            conds.push(format!("r.program IN {}", placeholders(&mut params, &filter.programs)));
        }
        if let Some(m) = &filter.machine {
            params.push(text(m));
            conds.push(format!("u.machine = ${}", params.len()));
        }
        if let Some(c) = &filter.config {
            params.push(text(c));
            conds.push(format!("r.config = ${}", params.len()));
        }
        let wh = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
        let sql = format!(
            "SELECT {RESULT_COLUMNS} FROM results r JOIN runs u ON u.id = r.run_id{wh} ORDER BY u.timestamp, r.run_id, r.id"
        );
        self.sql().query(&sql, &params, RESULT_KINDS)?.iter().map(|v| result_row(v)).collect()
    }

    /// The number of recorded runs.
    #[cfg(test)]
    pub fn run_count(&mut self) -> anyhow::Result<i64> {
        let rows = self.sql().query("SELECT COUNT(*) FROM runs", &[], &[Kind::Int])?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
    }

    /// Records one scan's definitions in one transaction.
    pub fn record_definitions(&mut self, defs: &[DefinitionRow]) -> anyhow::Result<usize> {
        self.write(|sql| {
            for d in defs {
                sql.exec(
                    "INSERT INTO definitions (scanned_at, root, file, line, word, agent, pattern, timestamp, verified, \
                     spec_hash, current_hash, status, is_verified, is_failure, tests_passed, tests_total, headers) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
                    &[
                        text(&d.scanned_at),
                        text(&d.root),
                        text(&d.file),
                        int(d.line),
                        text(&d.word),
                        opt_text(&d.agent),
                        opt_text(&d.pattern),
                        opt_text(&d.timestamp),
                        opt_text(&d.verified),
                        opt_text(&d.spec_hash),
                        text(&d.current_hash),
                        text(&d.status),
                        int(d.is_verified as i64),
                        int(d.is_failure as i64),
                        Value::Int(d.tests_passed),
                        Value::Int(d.tests_total),
                        text(&d.headers.to_string()),
                    ],
                )?;
            }
            Ok(defs.len())
        })
    }

    /// The definitions that pass `filter`, by file and line.
    pub fn definitions(&mut self, filter: &DefinitionFilter) -> anyhow::Result<Vec<DefinitionRow>> {
        let mut params = Vec::new();
        let mut conds = Vec::new();
        if let Some(a) = &filter.agent {
            params.push(text(a));
            conds.push(format!("d.agent = ${}", params.len()));
        }
        if let Some(p) = &filter.pattern {
            params.push(text(p));
            conds.push(format!("d.pattern = ${}", params.len()));
        }
        if filter.failures {
            conds.push("d.is_failure = 1".into());
        }
        if filter.verified_only {
            conds.push("d.is_verified = 1".into());
        }
        if filter.latest_only {
            conds.push("d.scanned_at = (SELECT MAX(e.scanned_at) FROM definitions e WHERE e.file = d.file)".into());
        }
        let wh = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
        let sql = format!(
            "SELECT d.scanned_at, d.root, d.file, d.line, d.word, d.agent, d.pattern, d.timestamp, d.verified, \
             d.spec_hash, d.current_hash, d.status, d.is_verified, d.is_failure, d.tests_passed, d.tests_total, \
             d.headers FROM definitions d{wh} ORDER BY d.file, d.line, d.scanned_at, d.id"
        );
        use Kind::{Int as I, Text as T};
        let kinds = [T, T, T, I, T, T, T, T, T, T, T, T, I, I, I, I, T];
        let rows = self.sql().query(&sql, &params, &kinds)?;
        rows.iter()
            .map(|v| {
                let s = |i: usize| v[i].text().unwrap_or_default().to_string();
                let o = |i: usize| v[i].text().map(str::to_string);
                Ok(DefinitionRow {
                    scanned_at: s(0),
                    root: s(1),
                    file: s(2),
                    line: v[3].int().unwrap_or_default(),
                    word: s(4),
                    agent: o(5),
                    pattern: o(6),
                    timestamp: o(7),
                    verified: o(8),
                    spec_hash: o(9),
                    current_hash: s(10),
                    status: s(11),
                    is_verified: v[12].int() == Some(1),
                    is_failure: v[13].int() == Some(1),
                    tests_passed: v[14].int(),
                    tests_total: v[15].int(),
                    headers: serde_json::from_str(v[16].text().unwrap_or("{}"))?,
                })
            })
            .collect()
    }
}

fn insert_result(sql: &mut dyn Sql, run_id: i64, r: &ResultRow) -> anyhow::Result<()> {
    sql.exec(
        "INSERT INTO results (run_id, program, config, entry, module_sha256, source, source_sha256, \
         source_git_revision, median_ns, min_ns, max_ns, q1_ns, q3_ns, samples_ns, probe_ns) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        &[
            int(run_id),
            text(&r.program),
            text(&r.config),
            text(&r.entry),
            text(&r.module_sha256),
            opt_text(&r.source),
            opt_text(&r.source_sha256),
            opt_text(&r.source_git_revision),
            int(r.median_ns),
            int(r.min_ns),
            int(r.max_ns),
            Value::Real(Some(r.q1_ns)),
            Value::Real(Some(r.q3_ns)),
            text(&serde_json::to_string(&r.samples_ns)?),
            text(&serde_json::to_string(&r.probe_ns)?),
        ],
    )?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::testing;

    /// A run with one result of `program` whose samples are `samples`.
    pub fn sample_run(machine: &str, timestamp: &str, program: &str, samples: &[u64]) -> (RunRow, Vec<ResultRow>) {
        let run = RunRow {
            timestamp: timestamp.into(),
            machine: machine.into(),
            cpu_model: "cpu".into(),
            cpu_features: "sse2".into(),
            target_triple: "x86_64-unknown-linux-gnu".into(),
            os: "linux".into(),
            cores: 2,
            tool_version: "0.1.0".into(),
            runner_git_revision: "abc".into(),
            wasmtime_version: "48".into(),
            load_1m: Some(0.5),
            report: "{}".into(),
        };
        let mut sorted = samples.to_vec();
        sorted.sort_unstable();
        let res = ResultRow {
            run_id: 0,
            timestamp: String::new(),
            machine: String::new(),
            runner_git_revision: String::new(),
            program: program.into(),
            config: "O2".into(),
            entry: "MAIN".into(),
            module_sha256: "m".into(),
            source: Some("p.fs".into()),
            source_sha256: Some("s".into()),
            source_git_revision: None,
            median_ns: sorted[sorted.len() / 2] as i64,
            min_ns: sorted[0] as i64,
            max_ns: sorted[sorted.len() - 1] as i64,
            q1_ns: sorted[sorted.len() / 4] as f64,
            q3_ns: sorted[sorted.len() * 3 / 4] as f64,
            samples_ns: samples.to_vec(),
            probe_ns: samples.iter().map(|s| s + 100).collect(),
        };
        (run, vec![res])
    }

    #[test]
    fn runs_read_back_in_time_order_with_their_samples() {
        for t in testing::locations("readback") {
            let mut s = Store::open(&t.location).unwrap();
            let (r2, x2) = sample_run("m1", "2026-01-02T00:00:00Z", "fib", &[30, 10, 20]);
            let (r1, x1) = sample_run("m1", "2026-01-01T00:00:00Z", "fib", &[1, 2, 3]);
            let (r3, x3) = sample_run("m2", "2026-01-03T00:00:00Z", "tak", &[5]);
            for (r, x) in [(&r2, &x2), (&r1, &x1), (&r3, &x3)] {
                s.record_run(r, x).unwrap();
            }
            let all = s.results(&SeriesFilter::default()).unwrap();
            assert_eq!(all.len(), 3);
            assert_eq!(all[0].samples_ns, vec![1, 2, 3]);
            assert_eq!(all[0].probe_ns, vec![101, 102, 103]);
            assert_eq!(all[1].samples_ns, vec![30, 10, 20]);
            assert_eq!(all[1].machine, "m1");
            let f = SeriesFilter { programs: vec!["tak".into()], machine: Some("m2".into()), config: None };
            assert_eq!(s.results(&f).unwrap().len(), 1);
            let f = SeriesFilter { machine: Some("m3".into()), ..Default::default() };
            assert!(s.results(&f).unwrap().is_empty());
            assert_eq!(s.run_count().unwrap(), 3);
        }
    }

    #[test]
    fn concurrent_writers_lose_nothing() {
        // Separate connections contend for the lock as separate processes
        // do (the integration test `store` checks real processes too).
        const PER: usize = 15;
        for t in testing::locations("concurrent") {
            Store::open(&t.location).unwrap();
            let threads: Vec<_> = (0..3)
                .map(|w| {
                    let loc = t.location.clone();
                    std::thread::spawn(move || {
                        let mut s = Store::open(&loc).unwrap();
                        for i in 0..PER {
                            let (r, x) = sample_run(&format!("w{w}"), "2026-01-01T00:00:00Z", "p", &[i as u64 + 1]);
                            s.record_run(&r, &x).unwrap();
                        }
                    })
                })
                .collect();
            for th in threads {
                th.join().unwrap();
            }
            let mut s = Store::open(&t.location).unwrap();
            assert_eq!(s.run_count().unwrap(), 3 * PER as i64);
            assert_eq!(s.results(&SeriesFilter::default()).unwrap().len(), 3 * PER);
        }
    }

    #[test]
    fn definitions_filter_by_agent_pattern_and_status() {
        for t in testing::locations("defs") {
            let mut s = Store::open(&t.location).unwrap();
            let d = |word: &str, agent: &str, pattern: &str, failure: bool| DefinitionRow {
                scanned_at: "2026-01-01T00:00:00Z".into(),
                root: "src".into(),
                file: "src/a.fs".into(),
                line: 3,
                word: word.into(),
                agent: Some(agent.into()),
                pattern: Some(pattern.into()),
                timestamp: None,
                verified: None,
                spec_hash: None,
                current_hash: "h".into(),
                status: if failure { "failed" } else { "verified" }.into(),
                is_verified: !failure,
                is_failure: failure,
                tests_passed: Some(2),
                tests_total: Some(3),
                headers: serde_json::json!({"GENERATED_BY": agent}),
            };
            let rows = [d("A", "x", "P1", false), d("B", "y", "P1", true), d("C", "x", "P2", true)];
            assert_eq!(s.record_definitions(&rows).unwrap(), 3);
            let q = |f: DefinitionFilter, s: &mut Store| {
                s.definitions(&f).unwrap().into_iter().map(|d| d.word).collect::<Vec<_>>().join(",")
            };
            assert_eq!(q(DefinitionFilter { pattern: Some("P1".into()), ..Default::default() }, &mut s), "A,B");
            assert_eq!(
                q(DefinitionFilter { agent: Some("x".into()), failures: true, ..Default::default() }, &mut s),
                "C"
            );
            assert_eq!(q(DefinitionFilter { verified_only: true, ..Default::default() }, &mut s), "A");
            let all = s.definitions(&DefinitionFilter::default()).unwrap();
            assert_eq!(all[0], rows[0]);
        }
    }
}
