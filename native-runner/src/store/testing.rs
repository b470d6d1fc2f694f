//! Stores for unit tests: a fresh SQLite file, and a fresh database on the
//! PostgreSQL server named by `FASTFORTH_TEST_POSTGRES` (which
//! `.ci/with-postgres` starts), so that every store test runs on both.
//!
//! Without that variable the PostgreSQL half is skipped with a note on
//! stderr, except under CI (`CI` set), where a missing server is an error:
//! CI must test both backends.

use super::Location;

/// The variable naming the test server.
pub const TEST_POSTGRES_ENV: &str = "FASTFORTH_TEST_POSTGRES";

/// A store that exists for one test.
pub struct TestStore {
    /// Where it is.
    pub location: Location,
    _dir: Option<tempfile::TempDir>,
    drop_db: Option<(String, String)>,
}

impl Drop for TestStore {
    fn drop(&mut self) {
        if let Some((admin, db)) = &self.drop_db {
            if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
            }
        }
    }
}

/// `url` with its database replaced by `db`.
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let (scheme, rest) = base.split_once("://").expect("a URL");
    let authority = rest.split('/').next().unwrap_or("");
    let q = query.map(|q| format!("?{q}")).unwrap_or_default();
    format!("{scheme}://{authority}/{db}{q}")
}

/// A fresh PostgreSQL database named after `name`, if a server is there.
pub fn postgres(name: &str) -> Option<TestStore> {
    let Some(admin) = std::env::var(TEST_POSTGRES_ENV).ok().filter(|s| !s.is_empty()) else {
        assert!(std::env::var_os("CI").is_none(), "CI must test PostgreSQL: run the tests under .ci/with-postgres");
        eprintln!("note: {TEST_POSTGRES_ENV} is not set, the PostgreSQL half of {name} is skipped");
        return None;
    };
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let db = format!("t_{name}_{}_{n}", std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server");
    // Separate statements: one string would be one transaction, and
    // CREATE DATABASE cannot run inside one.
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {db}")).expect("no old test database");
    c.batch_execute(&format!("CREATE DATABASE {db}")).expect("a test database");
    Some(TestStore { location: Location::Postgres(with_database(&admin, &db)), _dir: None, drop_db: Some((admin, db)) })
}

/// A fresh SQLite file.
pub fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("a temporary folder");
    TestStore { location: Location::Sqlite(dir.path().join("results.sqlite")), _dir: Some(dir), drop_db: None }
}

/// A fresh store of each backend there is.
pub fn locations(name: &str) -> Vec<TestStore> {
    let mut v = vec![sqlite()];
    v.extend(postgres(name));
    v
}

#[test]
fn database_names_replace_the_path() {
    assert_eq!(with_database("postgresql:///postgres?host=/tmp/x&user=p", "t1"), "postgresql:///t1?host=/tmp/x&user=p");
    assert_eq!(with_database("postgres://u@h:5/db", "t2"), "postgres://u@h:5/t2");
}
