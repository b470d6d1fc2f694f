//! The results store: where `bench --record` puts every run and
//! `provenance scan --record` every headed definition, and where `history`,
//! `bench --against-history` and `provenance query` read them back.
//!
//! A store is a SQLite file (the embedded default) or a PostgreSQL
//! database named by a libpq URL (`postgres://`, `postgresql://`, with
//! `?host=/socket/dir` for a Unix socket), so that a fleet of servers can
//! record into one place. Both backends sit behind [`Sql`]: the same
//! statements (see `migrations` for the schema), only the placeholders and
//! the locking statements differ.
//!
//! Guarantees:
//! - opening a store applies the missing migrations, in order, under a
//!   lock, so that two processes opening a new store at once migrate it once;
//! - each recorded run, with all its results, is one transaction: readers
//!   see all of it or none, and two processes recording at once both land
//!   (SQLite waits for the write lock; PostgreSQL serializes the ids).

mod migrations;
mod postgres;
mod records;
mod sqlite;

use std::path::PathBuf;

use anyhow::Context as _;

pub use records::{DefinitionFilter, DefinitionRow, ResultRow, RunRow, SeriesFilter};

/// The environment variable that names the default store.
pub const STORE_ENV: &str = "FASTFORTH_STORE";

/// Where a store is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL libpq URL.
    Postgres(String),
}

impl Location {
    /// Reads `--store`'s value: a `postgres://` or `postgresql://` URL, or
    /// a file path.
    pub fn parse(s: &str) -> Location {
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            Location::Postgres(s.to_string())
        } else {
            Location::Sqlite(PathBuf::from(s))
        }
    }

    /// The store given on the command line, else `FASTFORTH_STORE`, else
    /// `$XDG_DATA_HOME/fastforth/results.sqlite` (or
    /// `~/.local/share/fastforth/results.sqlite`).
    pub fn resolve(given: Option<&str>) -> anyhow::Result<Location> {
        if let Some(s) = given {
            return Ok(Location::parse(s));
        }
        if let Some(s) = std::env::var_os(STORE_ENV).filter(|s| !s.is_empty()) {
            return Ok(Location::parse(&s.to_string_lossy()));
        }
        let data = match std::env::var_os("XDG_DATA_HOME").filter(|s| !s.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => {
                let home = std::env::var_os("HOME").context("neither --store, FASTFORTH_STORE nor HOME is set")?;
                PathBuf::from(home).join(".local").join("share")
            }
        };
        Ok(Location::Sqlite(data.join("fastforth").join("results.sqlite")))
    }

    /// How the store is named in messages: the path, or the URL without
    /// its password.
    pub fn display(&self) -> String {
        match self {
            Location::Sqlite(p) => p.display().to_string(),
            Location::Postgres(url) => postgres::redact(url),
        }
    }
}

/// A value bound to a statement or read from a row. Each variant is one
/// column type of the schema: BIGINT, DOUBLE PRECISION or TEXT, each
/// nullable.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// BIGINT.
    Int(Option<i64>),
    /// DOUBLE PRECISION.
    Real(Option<f64>),
    /// TEXT.
    Text(Option<String>),
}

/// The column types a query reads, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// BIGINT.
    Int,
    /// DOUBLE PRECISION.
    Real,
    /// TEXT.
    Text,
}

impl Value {
    /// The integer, or `None` for NULL or another type.
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(v) => *v,
            _ => None,
        }
    }

    /// The float, or `None`.
    pub fn real(&self) -> Option<f64> {
        match self {
            Value::Real(v) => *v,
            _ => None,
        }
    }

    /// The text, or `None`.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(v) => v.as_deref(),
            _ => None,
        }
    }
}

/// What both backends do: run statements written with `$1`, `$2`, ...
/// placeholders, and the few statements that differ between them.
pub trait Sql {
    /// Runs a statement; returns the number of rows it changed.
    fn exec(&mut self, sql: &str, params: &[Value]) -> anyhow::Result<u64>;
    /// Runs a query; each row has one value per kind.
    fn query(&mut self, sql: &str, params: &[Value], kinds: &[Kind]) -> anyhow::Result<Vec<Vec<Value>>>;
    /// Starts a write transaction that holds the store's write lock.
    fn begin_write(&mut self) -> anyhow::Result<()>;
    /// Starts a write transaction and takes the lock that serializes
    /// migrations between processes.
    fn begin_migration(&mut self) -> anyhow::Result<()>;
    /// The primary key column's type of a new table.
    fn id_column(&self) -> &'static str;
}

/// An open store.
pub struct Store {
    sql: Box<dyn Sql>,
    location: Location,
}

impl Store {
    /// Opens (creating when needed) and migrates a store.
    pub fn open(location: &Location) -> anyhow::Result<Store> {
        let sql: Box<dyn Sql> = match location {
            Location::Sqlite(p) => Box::new(sqlite::Sqlite::open(p)?),
            Location::Postgres(url) => Box::new(postgres::Postgres::open(url)?),
        };
        let mut store = Store { sql, location: location.clone() };
        migrations::migrate(store.sql.as_mut())
            .with_context(|| format!("cannot migrate the store {}", location.display()))?;
        Ok(store)
    }

    /// Where the store is.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Runs `f` in one write transaction: committed when it succeeds,
    /// rolled back when it fails.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut dyn Sql) -> anyhow::Result<T>) -> anyhow::Result<T> {
        self.sql.begin_write()?;
        match f(self.sql.as_mut()) {
            Ok(v) => {
                self.sql.exec("COMMIT", &[])?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.sql.exec("ROLLBACK", &[]);
                Err(e)
            }
        }
    }

    /// The connection, for reads.
    pub fn sql(&mut self) -> &mut dyn Sql {
        self.sql.as_mut()
    }

    /// The schema version the store is at.
    #[cfg(test)]
    pub fn version(&mut self) -> anyhow::Result<i64> {
        let rows = self.sql.query("SELECT MAX(version) FROM schema_migrations", &[], &[Kind::Int])?;
        Ok(rows.first().and_then(|r| r[0].int()).unwrap_or(0))
    }
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
pub(crate) use records::tests as records_for_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_by_form() {
        assert_eq!(Location::parse("r.sqlite"), Location::Sqlite("r.sqlite".into()));
        let url = "postgresql:///db?host=/tmp/x";
        assert_eq!(Location::parse(url), Location::Postgres(url.into()));
        assert!(matches!(Location::parse("postgres://u@h/db"), Location::Postgres(_)));
        assert_eq!(Location::resolve(Some("a.db")).unwrap(), Location::Sqlite("a.db".into()));
    }

    #[test]
    fn a_new_store_is_at_the_last_version_on_both_backends() {
        for loc in testing::locations("version") {
            let mut s = Store::open(&loc.location).unwrap();
            assert_eq!(s.version().unwrap(), migrations::latest());
            // Opening again applies nothing and keeps the version.
            let mut s = Store::open(&loc.location).unwrap();
            assert_eq!(s.version().unwrap(), migrations::latest());
        }
    }
}
