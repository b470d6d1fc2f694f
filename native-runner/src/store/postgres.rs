//! The PostgreSQL backend of the store (the `postgres` crate, its
//! synchronous client, without TLS: the store is reached on a Unix socket
//! or a trusted network, as libpq URLs name them).
//!
//! Guarantees: URLs are read as libpq reads them, including
//! `?host=/path/to/socket/dir`; migrations take a transaction-scoped
//! advisory lock, so that processes opening a new database at once
//! migrate it once; ids come from sequences, so concurrent writers never
//! collide.

use anyhow::Context as _;
use postgres::types::ToSql;

use super::{Kind, Sql, Value};

/// The advisory lock key that serializes migrations ("FFst" in ASCII).
const MIGRATION_LOCK: i64 = 0x4646_7374;

/// A PostgreSQL store.
pub struct Postgres {
    client: postgres::Client,
}

impl Postgres {
    /// Connects.
    pub fn open(url: &str) -> anyhow::Result<Postgres> {
        let client = postgres::Client::connect(url, postgres::NoTls)
            .with_context(|| format!("cannot connect to {}", redact(url)))?;
        Ok(Postgres { client })
    }
}

/// The URL with its password, if any, replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let auth_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..auth_end].rfind('@').and_then(|at| rest[..at].find(':').map(|c| (c, at))) {
        Some((colon, at)) => format!("{scheme}://{}:***{}", &rest[..colon], &rest[at..]),
        None => url.to_string(),
    }
}

fn params(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values
        .iter()
        .map(|v| match v {
            Value::Int(x) => x as &(dyn ToSql + Sync),
            Value::Real(x) => x as &(dyn ToSql + Sync),
            Value::Text(x) => x as &(dyn ToSql + Sync),
        })
        .collect()
}

impl Sql for Postgres {
    fn exec(&mut self, sql: &str, values: &[Value]) -> anyhow::Result<u64> {
        if values.is_empty() {
            // The simple protocol: it also runs statements that cannot be
            // prepared, such as BEGIN and COMMIT.
            self.client.batch_execute(sql)?;
            return Ok(0);
        }
        Ok(self.client.execute(sql, &params(values))?)
    }

    fn query(&mut self, sql: &str, values: &[Value], kinds: &[Kind]) -> anyhow::Result<Vec<Vec<Value>>> {
        let rows = self.client.query(sql, &params(values))?;
        rows.iter()
            .map(|row| {
                kinds
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        Ok(match k {
                            Kind::Int => Value::Int(row.try_get(i)?),
                            Kind::Real => Value::Real(row.try_get(i)?),
                            Kind::Text => Value::Text(row.try_get(i)?),
                        })
                    })
                    .collect()
            })
            .collect()
    }

    fn begin_write(&mut self) -> anyhow::Result<()> {
        self.client.batch_execute("BEGIN")?;
        Ok(())
    }

    fn begin_migration(&mut self) -> anyhow::Result<()> {
        self.client.batch_execute(&format!("BEGIN; SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))?;
        Ok(())
    }

    fn id_column(&self) -> &'static str {
        "BIGSERIAL PRIMARY KEY"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgresql://u:secret@h/db"), "postgresql://u:***@h/db");
        assert_eq!(redact("postgresql:///db?host=/tmp/s"), "postgresql:///db?host=/tmp/s");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
