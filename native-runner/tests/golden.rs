//! Golden-file tests: each Forth program beside its expected output.
//!
//! - `tests/run/NAME.fs` must exit 0, print `NAME.out` exactly on stdout and
//!   nothing on stderr (the expected outputs come from gforth 0.7.3 with
//!   32-bit cells; see `tests/run/README.md`).
//! - `tests/err/NAME.fs` must exit 1, print `NAME.err` exactly on stderr
//!   and on stdout `NAME.out` if it exists, else only the newline that an
//!   uncaught error writes there (as gforth does).
//!
//! Every case runs twice, unoptimized (`-O0`) and at the highest level
//! (`-O3`), and both must match. A first line `\ args: ...` adds
//! command-line options. Programs of `run/` run in a fresh temporary
//! directory (so file and block tests never write into the repository);
//! bad programs run with their folder as the working directory.
//!
//! The reference of `tests/run` is gforth 0.7.3 with 32-bit cells
//! (`../shared/tools/gforth32`): `BLESS=1` rewrites each `NAME.out` from
//! what gforth32 prints, and, when gforth32 is installed, a test checks
//! that every `NAME.out` is still exactly that. A leading comment line
//! `\ gforth-args: ...` passes options to gforth32; a program whose
//! expected output is our own documented behaviour (a word gforth 0.7.3
//! lacks, or one of our formats) says so with a leading comment line
//! `\ reference: fastforth (why)`, and `BLESS=1` takes its output, and
//! that of `tests/err`, from the `-O3` run.

#[path = "common/harness.rs"]
mod harness;

use harness::gforth32;
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

/// Where a program's expected output comes from.
#[derive(Debug, PartialEq)]
enum Reference {
    /// gforth32, with these extra options.
    Gforth(Vec<String>),
    /// Our own output (`\ reference: fastforth`).
    Ours,
}

/// Reads the markers in the leading comment lines of a program.
fn reference(fs: &Path) -> Reference {
    let text = std::fs::read_to_string(fs).unwrap_or_default();
    let mut args = Vec::new();
    // A script's `#!` line may come first.
    for line in text.lines().take_while(|l| l.starts_with('\\') || l.starts_with("#!")) {
        let line = line.trim_start_matches('\\').trim();
        if line.starts_with("reference: fastforth") {
            return Reference::Ours;
        }
        if let Some(rest) = line.strip_prefix("gforth-args:") {
            args.extend(rest.split_whitespace().map(str::to_string));
        }
    }
    Reference::Gforth(args)
}

/// What gforth32 prints on stdout for a program of `tests/run`, run as
/// `tests/run/README.md` says: in a copy of the folder (the file and block
/// tests write there), with standard input empty.
fn gforth_output(gforth: &Path, case: &Case, args: &[String]) -> Result<Vec<u8>, String> {
    let scratch = tempfile::tempdir().expect("temporary directory");
    copy_dir(case.fs.parent().expect("parent"), scratch.path());
    let name = case.fs.file_name().expect("file name");
    let out = Command::new(gforth)
        .current_dir(scratch.path())
        .args(args)
        .arg(name)
        .args(["-e", "bye"])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", gforth.display()))?;
    if !out.status.success() {
        return Err(format!("gforth32 failed on {}: {}", name.to_string_lossy(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(out.stdout)
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).expect("test folder") {
        let p = e.expect("dir entry").path();
        let dest = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            std::fs::create_dir_all(&dest).expect("folder");
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
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
            if got.stdout != b"\n" || out_path.exists() {
                std::fs::write(&out_path, &got.stdout).unwrap();
            }
        } else {
            match reference(&case.fs) {
                Reference::Ours => std::fs::write(&out_path, &got.stdout).unwrap(),
                Reference::Gforth(args) => {
                    let gforth =
                        gforth32().expect("BLESS=1 makes tests/run/*.out with gforth32, which is not installed");
                    match gforth_output(&gforth, case, &args) {
                        Ok(out) => std::fs::write(&out_path, out).unwrap(),
                        Err(e) => return Some(format!("{name}: {e}")),
                    }
                }
            }
        }
    }
    let mut problems = Vec::new();
    let want_code = if case.expect_error { 1 } else { 0 };
    if got.code != want_code {
        problems.push(format!("exit code {} (want {want_code})", got.code));
    }
    if case.expect_error || out_path.exists() {
        let want = std::fs::read(&out_path).unwrap_or_else(|_| b"\n".to_vec());
        if got.stdout != want {
            problems.push(format!(
                "stdout differs:\n--- want\n{}\n--- got\n{}",
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got.stdout)
            ));
        }
    }
    // A program of tests/run that writes to STDERR on purpose has gforth32's
    // stderr beside it in NAME.err.
    if case.expect_error || err_path.exists() {
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
        "{} of {total} golden tests failed (BLESS=1 rewrites tests/run from gforth32, and tests/err and \\ reference: fastforth programs from our output):\n\n{}",
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

#[test]
fn golden_outputs_are_what_gforth_prints() {
    let Some(gforth) = gforth32() else {
        eprintln!("gforth32 is not installed: the expected outputs are not checked against it");
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases("run", false) {
        let Reference::Gforth(args) = reference(&case.fs) else { continue };
        checked += 1;
        let name = case.fs.file_name().unwrap().to_string_lossy().into_owned();
        let want = std::fs::read(case.fs.with_extension("out")).unwrap_or_default();
        match gforth_output(&gforth, &case, &args) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!(
                "{name}: the .out is not gforth32's output (BLESS=1 rewrites it; mark the program \\ reference: fastforth if ours is the reference):\n--- .out\n{}\n--- gforth32\n{}",
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got)
            )),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(checked > 0, "no program has gforth32 as its reference");
    assert!(
        failures.is_empty(),
        "{} of {checked} expected outputs differ from gforth32:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn reference_markers_are_read_from_the_leading_comment() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.fs");
    std::fs::write(&p, "\\ t.fs -- a test\n\\ gforth-args: -r 1M\n1 .\n").unwrap();
    assert_eq!(reference(&p), Reference::Gforth(vec!["-r".into(), "1M".into()]));
    std::fs::write(&p, "\\ t.fs\n\\ reference: fastforth (gforth lacks it)\n").unwrap();
    assert_eq!(reference(&p), Reference::Ours);
    std::fs::write(&p, "1 .\n\\ reference: fastforth\n").unwrap();
    assert_eq!(reference(&p), Reference::Gforth(vec![]));
}
