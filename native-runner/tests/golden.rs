//! Golden-file tests: each Forth program beside its expected output.
//!
//! - `tests/run/NAME.fs` must exit 0, print `NAME.out` exactly on stdout and
//!   nothing on stderr (the expected outputs come from gforth 0.7.3 with
//!   32-bit cells; see `tests/run/README.md`).
//! - `tests/err/NAME.fs` must exit 1, print `NAME.err` exactly on stderr
//!   and, if `NAME.out` exists, that on stdout.
//!
//! Every case runs twice, unoptimized (`-O0`) and at the highest level
//! (`-O3`), and both must match. A first line `\ args: ...` adds
//! command-line options. Programs of `run/` run in a fresh temporary
//! directory (so file and block tests never write into the repository);
//! bad programs run with their folder as the working directory. `BLESS=1`
//! rewrites the expected files from the `-O3` output.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Case {
    fs: PathBuf,
    expect_error: bool,
}

struct Outcome {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests")
}

fn cases(dir: &str, expect_error: bool) -> Vec<Case> {
    let mut v: Vec<Case> = std::fs::read_dir(root().join(dir))
        .expect("test folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .map(|fs| Case { fs, expect_error })
        .collect();
    v.sort_by(|a, b| a.fs.cmp(&b.fs));
    v
}

fn extra_args(fs: &Path) -> Vec<String> {
    let text = std::fs::read(fs).unwrap_or_default();
    let first = text.split(|&c| c == b'\n').next().unwrap_or_default();
    let first = String::from_utf8_lossy(first);
    match first.strip_prefix("\\ args:") {
        Some(rest) => rest.split_whitespace().map(str::to_string).collect(),
        None => Vec::new(),
    }
}

fn run(case: &Case, opt: &str) -> Outcome {
    let dir = case.fs.parent().expect("parent");
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache");
    // Programs that must succeed run in a fresh temporary directory (the
    // file and block tests create files there), named by their full path
    // so that their includes resolve beside them. Bad programs run in
    // their folder, named by their file name, as their diagnostics show.
    let scratch = tempfile::tempdir().expect("temporary directory");
    let (cwd, name) = if case.expect_error {
        (dir.to_path_buf(), PathBuf::from(case.fs.file_name().expect("file name")))
    } else {
        (scratch.path().to_path_buf(), case.fs.canonicalize().expect("test file path"))
    };
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .current_dir(cwd)
        .arg("run")
        .arg(opt)
        .arg("--cache-dir")
        .arg(&cache)
        .args(extra_args(&case.fs))
        .arg(name)
        .stdin(Stdio::null())
        .output()
        .expect("runner starts");
    Outcome { code: out.status.code().unwrap_or(-1), stdout: out.stdout, stderr: out.stderr }
}

/// Compares one case at both levels; returns a failure description or `None`.
fn check(case: &Case, bless: bool) -> Option<String> {
    let problems: Vec<String> =
        ["-O3", "-O0"].iter().filter_map(|opt| check_at(case, bless && *opt == "-O3", opt)).collect();
    (!problems.is_empty()).then(|| problems.join("\n"))
}

fn check_at(case: &Case, bless: bool, opt: &str) -> Option<String> {
    let got = run(case, opt);
    let out_path = case.fs.with_extension("out");
    let err_path = case.fs.with_extension("err");
    let name = case.fs.file_name().unwrap().to_string_lossy().into_owned();
    if bless {
        if case.expect_error {
            std::fs::write(&err_path, &got.stderr).unwrap();
            if !got.stdout.is_empty() || out_path.exists() {
                std::fs::write(&out_path, &got.stdout).unwrap();
            }
        } else {
            std::fs::write(&out_path, &got.stdout).unwrap();
        }
    }
    let mut problems = Vec::new();
    let want_code = if case.expect_error { 1 } else { 0 };
    if got.code != want_code {
        problems.push(format!("exit code {} (want {want_code})", got.code));
    }
    if case.expect_error || out_path.exists() {
        let want = std::fs::read(&out_path).unwrap_or_default();
        if got.stdout != want {
            problems.push(format!(
                "stdout differs:\n--- want\n{}\n--- got\n{}",
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got.stdout)
            ));
        }
    }
    if case.expect_error {
        let want = std::fs::read(&err_path).unwrap_or_default();
        if got.stderr != want {
            problems.push(format!(
                "stderr differs:\n--- want\n{}--- got\n{}",
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got.stderr)
            ));
        }
    } else if !got.stderr.is_empty() {
        problems.push(format!("unexpected stderr:\n{}", String::from_utf8_lossy(&got.stderr)));
    }
    (!problems.is_empty()).then(|| format!("{name} at {opt}: {}", problems.join("\n")))
}

fn run_all(cases: Vec<Case>) {
    let bless = std::env::var_os("BLESS").is_some();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunks: Vec<Vec<Case>> = {
        let mut c: Vec<Vec<Case>> = (0..threads).map(|_| Vec::new()).collect();
        for (i, case) in cases.into_iter().enumerate() {
            c[i % threads].push(case);
        }
        c
    };
    let total: usize = chunks.iter().map(Vec::len).sum();
    assert!(total > 0, "no test cases found");
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| s.spawn(move || chunk.iter().filter_map(|c| check(c, bless)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("test thread")).collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {total} golden tests failed (run with BLESS=1 to accept the new output):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn programs_print_their_golden_output() {
    run_all(cases("run", false));
}

#[test]
fn bad_programs_print_their_diagnostic() {
    run_all(cases("err", true));
}
