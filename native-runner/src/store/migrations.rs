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
];

/// The newest schema version.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings a store up to [`latest`].
pub fn migrate(sql: &mut dyn Sql) -> anyhow::Result<()> {
    sql.begin_migration()?;
    let res = apply(sql);
    match res {
        Ok(()) => sql.exec("COMMIT", &[]).map(|_| ()),
        Err(e) => {
            let _ = sql.exec("ROLLBACK", &[]);
            Err(e)
        }
    }
}

fn apply(sql: &mut dyn Sql) -> anyhow::Result<()> {
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
    for (i, stmts) in MIGRATIONS.iter().enumerate().skip(have as usize) {
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
