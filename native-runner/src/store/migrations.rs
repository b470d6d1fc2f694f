//! The store's schema, as numbered migrations that both backends apply.
//!
//! Each migration is a list of statements in the SQL that SQLite and
//! PostgreSQL share: the column types are BIGINT, DOUBLE PRECISION and
//! TEXT only, timestamps are RFC 3339 text (UTC, so they sort as text) and
//! booleans are 0/1 integers. `{id}` stands for the primary key column,
//! the one thing the two spell differently.
//!
//! Guarantees: migrations are applied in order, each once, inside one
//! transaction that holds the migration lock, and `schema_migrations` says
//! which ones are in; a released migration is never edited, only followed
//! by a new one.

use super::{Kind, Sql, Value};

/// The migrations, in order; a migration's version is its index plus one.
const MIGRATIONS: &[&[&str]] = &[
    // 1: bench runs and their results, one row per program and
    // configuration, with the raw samples.
    &[
        "CREATE TABLE runs (
            id {id},
            recorded_at TEXT NOT NULL,
            timestamp TEXT NOT NULL,
            machine TEXT NOT NULL,
            cpu_model TEXT NOT NULL,
            cpu_features TEXT NOT NULL,
            target_triple TEXT NOT NULL,
            os TEXT NOT NULL,
            cores BIGINT NOT NULL,
            tool_version TEXT NOT NULL,
            runner_git_revision TEXT NOT NULL,
            wasmtime_version TEXT NOT NULL,
            load_1m DOUBLE PRECISION,
            report TEXT NOT NULL
        )",
        "CREATE TABLE results (
            id {id},
            run_id BIGINT NOT NULL REFERENCES runs (id),
            program TEXT NOT NULL,
            config TEXT NOT NULL,
            entry TEXT NOT NULL,
            module_sha256 TEXT NOT NULL,
            source TEXT,
            source_sha256 TEXT,
            source_git_revision TEXT,
            median_ns BIGINT NOT NULL,
            min_ns BIGINT NOT NULL,
            max_ns BIGINT NOT NULL,
            q1_ns DOUBLE PRECISION NOT NULL,
            q3_ns DOUBLE PRECISION NOT NULL,
            samples_ns TEXT NOT NULL
        )",
        "CREATE INDEX results_series ON results (program, config)",
        "CREATE INDEX runs_machine ON runs (machine, timestamp)",
    ],
    // 2: the provenance tracker, one row per headed definition per scan.
    &[
        "CREATE TABLE definitions (
            id {id},
            scanned_at TEXT NOT NULL,
            root TEXT NOT NULL,
            file TEXT NOT NULL,
            line BIGINT NOT NULL,
            word TEXT NOT NULL,
            agent TEXT,
            pattern TEXT,
            timestamp TEXT,
            verified TEXT,
            spec_hash TEXT,
            current_hash TEXT NOT NULL,
            status TEXT NOT NULL,
            is_verified BIGINT NOT NULL,
            is_failure BIGINT NOT NULL,
            tests_passed BIGINT,
            tests_total BIGINT,
            headers TEXT NOT NULL
        )",
        "CREATE INDEX definitions_agent ON definitions (agent)",
        "CREATE INDEX definitions_pattern ON definitions (pattern)",
    ],
    // 3: the machine-speed probe beside each sample (bench/speed_probe.rs).
    &["ALTER TABLE results ADD COLUMN probe_ns TEXT NOT NULL DEFAULT '[]'"],
];

/// The newest schema version.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings a store up to [`latest`].
pub fn migrate(sql: &mut dyn Sql) -> anyhow::Result<()> {
    migrate_to(sql, latest())
}

/// Brings a store up to version `upto` (tests start from older versions).
fn migrate_to(sql: &mut dyn Sql, upto: i64) -> anyhow::Result<()> {
    sql.begin_migration()?;
    let res = apply(sql, upto);
    match res {
        Ok(()) => sql.exec("COMMIT", &[]).map(|_| ()),
        Err(e) => {
            let _ = sql.exec("ROLLBACK", &[]);
            Err(e)
        }
    }
}

fn apply(sql: &mut dyn Sql, upto: i64) -> anyhow::Result<()> {
    sql.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)",
        &[],
    )?;
    let rows = sql.query("SELECT MAX(version) FROM schema_migrations", &[], &[Kind::Int])?;
    let have = rows.first().and_then(|r| r[0].int()).unwrap_or(0);
    anyhow::ensure!(
        have <= latest(),
        "the store is at schema version {have}, newer than this runner knows ({}): update the runner",
        latest()
    );
    for (i, stmts) in MIGRATIONS.iter().enumerate().take(upto as usize).skip(have as usize) {
        for stmt in *stmts {
            sql.exec(&stmt.replace("{id}", sql.id_column()), &[])?;
        }
        sql.exec(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[Value::Int(Some(i as i64 + 1)), Value::Text(Some(crate::host::timestamp()))],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{testing, Location, SeriesFilter, Store};

    fn backend(loc: &Location) -> Box<dyn Sql> {
        match loc {
            Location::Sqlite(p) => Box::new(crate::store::sqlite::Sqlite::open(p).unwrap()),
            Location::Postgres(url) => Box::new(crate::store::postgres::Postgres::open(url).unwrap()),
        }
    }

    #[test]
    fn a_version_2_store_keeps_its_results_when_the_probe_column_comes() {
        for t in testing::locations("upgrade") {
            let mut sql = backend(&t.location);
            migrate_to(sql.as_mut(), 2).unwrap();
            let text = |s: &str| Value::Text(Some(s.into()));
            let int = |i: i64| Value::Int(Some(i));
            sql.exec(
                "INSERT INTO runs (recorded_at, timestamp, machine, cpu_model, cpu_features, target_triple, os, \
                 cores, tool_version, runner_git_revision, wasmtime_version, load_1m, report) \
                 VALUES ($1, $1, $2, $3, $3, $3, $3, $4, $3, $3, $3, NULL, $5)",
                &[text("2026-01-01T00:00:00Z"), text("m1"), text("x"), int(2), text("{}")],
            )
            .unwrap();
            sql.exec(
                "INSERT INTO results (run_id, program, config, entry, module_sha256, median_ns, min_ns, max_ns, \
                 q1_ns, q3_ns, samples_ns) VALUES (1, $1, $2, $3, $4, 2, 1, 3, 1.5, 2.5, $5)",
                &[text("fib"), text("O2"), text("MAIN"), text("m"), text("[1,2,3]")],
            )
            .unwrap();
            drop(sql);
            let mut store = Store::open(&t.location).unwrap();
            assert_eq!(store.version().unwrap(), latest());
            let rows = store.results(&SeriesFilter::default()).unwrap();
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].samples_ns, vec![1, 2, 3]);
            assert!(rows[0].probe_ns.is_empty(), "runs recorded before the probe have none");
        }
    }
}
