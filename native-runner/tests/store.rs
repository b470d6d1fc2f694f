//! The results store end to end through the command line, on SQLite and
//! on the PostgreSQL server that `.ci/with-postgres` starts (named by
//! `FASTFORTH_TEST_POSTGRES`; without it the PostgreSQL half is skipped
//! with a note, except under CI, where it is an error):
//! `bench --record`, `history` in every format, `bench --against-history`,
//! two processes recording at once, and `provenance scan --record` with
//! `provenance query`.
//!
//! Programs are tiny and iterations few, so this stays fast.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("store").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn runner(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_native-runner"));
    c.env("HOME", home).env_remove("FASTFORTH_STORE").env_remove("XDG_DATA_HOME");
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "exit {:?}: {}{}", o.status.code(), text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

/// A store of each backend: a SQLite file and, when a test server is
/// there, a fresh database on it (dropped at the end).
struct Stores {
    list: Vec<(String, String)>,
    admin: Option<(String, String)>,
}

impl Drop for Stores {
    fn drop(&mut self) {
        if let Some((admin, db)) = &self.admin {
            if let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)"));
            }
        }
    }
}

fn stores(dir: &Path, name: &str) -> Stores {
    let mut list = vec![("sqlite".to_string(), dir.join("results.sqlite").display().to_string())];
    let mut admin = None;
    match std::env::var("FASTFORTH_TEST_POSTGRES").ok().filter(|s| !s.is_empty()) {
        Some(url) => {
            let db = format!("it_{name}_{}", std::process::id());
            let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("the test server");
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {db}")).unwrap();
            c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
            let (base, query) = url.split_once('?').unwrap_or((&url, ""));
            let authority = base.split_once("://").unwrap().1.split('/').next().unwrap();
            list.push(("postgres".into(), format!("postgresql://{authority}/{db}?{query}")));
            admin = Some((url.clone(), db));
        }
        None => {
            assert!(std::env::var_os("CI").is_none(), "CI must test PostgreSQL: run under .ci/with-postgres");
            eprintln!("note: FASTFORTH_TEST_POSTGRES is not set, the PostgreSQL half of {name} is skipped");
        }
    }
    Stores { list, admin }
}

/// Writes `NAME.fs` summing `n` numbers into `dir`.
fn program(dir: &Path, name: &str, n: u32) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let p = dir.join(format!("{name}.fs"));
    std::fs::write(&p, format!(": MAIN 0 {n} 0 DO I + LOOP DROP ;\n")).unwrap();
    p
}

fn bench(home: &Path, prog: &Path, store: &str, extra: &[&str]) -> Output {
    runner(home)
        .arg("bench")
        .arg(prog)
        .args(["--warmup", "0", "--no-predict", "--gforth", "none", "--machine", "m1"])
        .args(["--store", store, "--cache-dir"])
        .arg(home.join("cache"))
        .args(extra)
        .output()
        .unwrap()
}

fn history(home: &Path, store: &str, extra: &[&str]) -> Output {
    runner(home).args(["history", "--store", store]).args(extra).output().unwrap()
}

#[test]
fn recorded_runs_make_a_history_in_every_format() {
    let dir = scratch("history");
    let prog = program(&dir, "sum", 1000);
    for (backend, store) in &stores(&dir, "history").list {
        for _ in 0..2 {
            let o = bench(&dir, &prog, store, &["--record", "--iterations", "5"]);
            ok(&o);
            assert!(text(&o.stderr).contains("recorded run"), "{backend}: {}", text(&o.stderr));
        }
        let doc: serde_json::Value =
            serde_json::from_str(&ok(&history(&dir, store, &["sum", "--format", "json"]))).unwrap();
        assert_eq!(doc["schema"], "fastforth.history/1");
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/history.v1.json");
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let v = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{backend}: {errors:?}");
        let s = &doc["series"][0];
        assert_eq!(
            (s["program"].as_str(), s["machine"].as_str(), s["config"].as_str()),
            (Some("sum"), Some("m1"), Some("O2"))
        );
        let runs = s["runs"].as_array().unwrap();
        assert_eq!(runs.len(), 2, "{backend}");
        assert_eq!(runs[0]["module_sha256"], runs[1]["module_sha256"]);
        assert_eq!(runs[0]["samples"], 5);
        let html = ok(&history(&dir, store, &["--format", "html"]));
        assert!(html.contains("<svg") && html.contains("sum on m1 [O2]: 2 runs"), "{backend}");
        assert!(ok(&history(&dir, store, &["--format", "markdown"])).contains("| run | timestamp |"));
        assert!(ok(&history(&dir, store, &["--machine", "other"])).contains("no recorded runs match"));
    }
}

#[test]
fn against_history_fails_only_a_real_slowdown() {
    let dir = scratch("against");
    // The same program name, a thousand times more work: a real slowdown.
    let fast = program(&dir.join("fast"), "work", 100);
    let slow = program(&dir.join("slow"), "work", 100_000);
    for (backend, store) in &stores(&dir, "against").list {
        ok(&bench(&dir, &fast, store, &["--record", "--iterations", "15"]));
        // This only checks that the comparison is made: its verdict on a
        // program of microseconds is at the mercy of the machine's load (its
        // false-alarm rate is measured as benchmarks/verdict/README.md tells).
        let o = bench(
            &dir,
            &fast,
            store,
            &["--against-history", "--iterations", "15", "--tolerance", "50", "--format", "json"],
        );
        assert!(matches!(o.status.code(), Some(0 | 3)), "{backend}: {}", text(&o.stderr));
        let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(r["results"][0]["baseline"]["against"], "history (1 runs)", "{backend}");
        assert!(r["results"][0]["baseline"]["verdict"]["p_value"].as_f64().is_some());
        let o = bench(&dir, &slow, store, &["--against-history", "--iterations", "15"]);
        assert_eq!(o.status.code(), Some(3), "{backend}: {}{}", text(&o.stdout), text(&o.stderr));
        let err = text(&o.stderr);
        assert!(err.contains("significantly slower than the recorded history"), "{err}");
        assert!(text(&o.stdout).contains("regression") && text(&o.stdout).contains("p = "), "{}", text(&o.stdout));
    }
}

#[test]
fn two_processes_recording_at_once_lose_nothing() {
    let dir = scratch("concurrent");
    let progs: Vec<PathBuf> = (0..3).map(|i| program(&dir, &format!("p{i}"), 100 + i)).collect();
    for (backend, store) in &stores(&dir, "concurrent").list {
        let spawn = |m: &str| {
            let mut c = runner(&dir);
            c.arg("bench").args(&progs).args(["--iterations", "2", "--warmup", "0", "--no-predict"]);
            c.args(["--gforth", "none", "--record", "--machine", m, "--store", store]);
            c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
            c
        };
        // Three rounds of two processes started together.
        for _ in 0..3 {
            let (a, b) = (spawn("a").spawn().unwrap(), spawn("b").spawn().unwrap());
            for child in [a, b] {
                let o = child.wait_with_output().unwrap();
                assert!(o.status.success(), "{backend}: {}", text(&o.stderr));
            }
        }
        let doc: serde_json::Value = serde_json::from_str(&ok(&history(&dir, store, &["--format", "json"]))).unwrap();
        let series = doc["series"].as_array().unwrap();
        assert_eq!(series.len(), 6, "{backend}: 3 programs on 2 machines");
        for s in series {
            assert_eq!(s["runs"].as_array().unwrap().len(), 3, "{backend}: {s}");
        }
    }
}

#[test]
fn provenance_scan_and_query_through_the_store() {
    let dir = scratch("provenance");
    let tree = dir.join("tree");
    std::fs::create_dir_all(tree.join("lib")).unwrap();
    std::fs::write(
        tree.join("lib/gen.fs"),
        "\\ GENERATED_BY: model-x\n\\ PATTERN_ID: RECURSIVE_004\n\\ TIMESTAMP: 2025-01-15T10:23:45Z\n\
         \\ VERIFIED: stack_balanced=true, tests_passed=2/3, type_checked=true, compiled=true\n\
         \\ SPEC_HASH: a3f7b2c9d1e4\n: FACT ( n -- n! ) DUP 1 > IF DUP 1- RECURSE * THEN ;\n\n\
         \\ GENERATED_BY: model-y\n\\ PATTERN_ID: LOOP_001\n\\ VERIFIED: tests_passed=3/3, compiled=true\n\
         : TRIPLE ( n -- 3n ) 3 * ;\n",
    )
    .unwrap();
    for (backend, store) in &stores(&dir, "provenance").list {
        let o =
            runner(&dir).args(["provenance", "scan"]).arg(&tree).args(["--record", "--store", store]).output().unwrap();
        assert!(ok(&o).contains("2 headed definitions"), "{backend}");
        let query = |args: &[&str]| {
            let o =
                runner(&dir).args(["provenance", "query", "--store", store, "--format", "json"]).args(args).output();
            let doc: serde_json::Value = serde_json::from_str(&ok(&o.unwrap())).unwrap();
            doc["definitions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["word"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(query(&["--pattern", "RECURSIVE_004"]), ["FACT"], "{backend}");
        // FACT's tests fail (2/3), and its SPEC_HASH is not its text's.
        assert_eq!(query(&["--failures"]), ["FACT"], "{backend}");
        assert_eq!(query(&["--verified-only"]), ["TRIPLE"], "{backend}");
        assert_eq!(query(&["--agent", "model-y"]), ["TRIPLE"], "{backend}");
        let o = runner(&dir).args(["provenance", "query", "--store", store, "--pattern", "LOOP_001"]).output().unwrap();
        assert!(ok(&o).contains("gen.fs:11: TRIPLE [verified] agent model-y pattern LOOP_001 tests 3/3"), "{backend}");
    }
}

#[test]
fn the_default_store_follows_the_environment() {
    let dir = scratch("default");
    let prog = program(&dir, "sum", 10);
    let data = dir.join("data");
    let o = runner(&dir)
        .env("XDG_DATA_HOME", &data)
        .arg("bench")
        .arg(&prog)
        .args(["--iterations", "1", "--no-predict", "--gforth", "none", "--record"])
        .output()
        .unwrap();
    ok(&o);
    assert!(data.join("fastforth/results.sqlite").exists(), "{}", text(&o.stderr));
    let env_store = dir.join("env.sqlite");
    let mut c = runner(&dir);
    c.env("FASTFORTH_STORE", &env_store).arg("bench").arg(&prog);
    let o = c.args(["--iterations", "1", "--no-predict", "--gforth", "none", "--record"]).output().unwrap();
    ok(&o);
    assert!(env_store.exists());
    let o = runner(&dir).args(["history", "--store"]).arg(dir.join("missing.sqlite")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no results store"), "{}", text(&o.stderr));
}
