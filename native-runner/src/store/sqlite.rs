//! The SQLite backend of the store (rusqlite, SQLite compiled in).
//!
//! Guarantees: the file and its folder are created when missing; the
//! journal is in WAL mode, so readers never block the writer; a writer
//! waits up to a minute for another process's write lock rather than
//! failing (`BEGIN IMMEDIATE` takes the lock at the start of a transaction,
//! so two recording processes queue up instead of deadlocking).

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use rusqlite::types::ToSqlOutput;

use super::{Kind, Sql, Value};

/// How long a writer waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// A SQLite store.
pub struct Sqlite {
    conn: rusqlite::Connection,
}

impl Sqlite {
    /// Opens or creates the file.
    pub fn open(path: &Path) -> anyhow::Result<Sqlite> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        let conn = rusqlite::Connection::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .with_context(|| format!("cannot use {} as a SQLite database", path.display()))?;
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
        Ok(Sqlite { conn })
    }
}

/// SQLite reads `$1` as a parameter named "$1"; `?1` is its numbered form.
fn numbered(sql: &str) -> String {
    sql.replace('$', "?")
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Value::Int(v) => v.to_sql(),
            Value::Real(v) => v.to_sql(),
            Value::Text(v) => v.to_sql(),
        }
    }
}

impl Sql for Sqlite {
    fn exec(&mut self, sql: &str, params: &[Value]) -> anyhow::Result<u64> {
        let n = self.conn.execute(&numbered(sql), rusqlite::params_from_iter(params))?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value], kinds: &[Kind]) -> anyhow::Result<Vec<Vec<Value>>> {
        let mut stmt = self.conn.prepare(&numbered(sql))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
            kinds
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    Ok(match k {
                        Kind::Int => Value::Int(row.get(i)?),
                        Kind::Real => Value::Real(row.get(i)?),
                        Kind::Text => Value::Text(row.get(i)?),
                    })
                })
                .collect::<rusqlite::Result<Vec<Value>>>()
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn begin_write(&mut self) -> anyhow::Result<()> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(())
    }

    fn begin_migration(&mut self) -> anyhow::Result<()> {
        // The write lock of BEGIN IMMEDIATE is the migration lock too.
        self.begin_write()
    }

    fn id_column(&self) -> &'static str {
        "INTEGER PRIMARY KEY AUTOINCREMENT"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered() {
        assert_eq!(numbered("VALUES ($1, $2)"), "VALUES (?1, ?2)");
    }

    #[test]
    fn creates_the_folder_and_reads_back_each_type() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Sqlite::open(&dir.path().join("a/b/r.sqlite")).unwrap();
        db.exec("CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT)", &[]).unwrap();
        let row = [Value::Int(Some(-3)), Value::Real(None), Value::Text(Some("x".into()))];
        db.exec("INSERT INTO t VALUES ($1, $2, $3)", &row).unwrap();
        let got = db.query("SELECT i, r, s FROM t", &[], &[Kind::Int, Kind::Real, Kind::Text]).unwrap();
        assert_eq!(got, vec![row.to_vec()]);
    }
}
