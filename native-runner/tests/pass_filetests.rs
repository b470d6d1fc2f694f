//! The pass filetests: `compiler/tests/passes/PASS/NAME.fs` beside
//! `NAME.ir`, the IR of each definition the pass changed, before and after
//! it, as `native-runner explain NAME.fs --ir PASS` prints it; and the
//! emit filetests: `compiler/tests/emit/NAME.fs` beside `NAME.wat`, the
//! function of the file's last colon definition as `explain NAME.fs WORD
//! --wat` prints it (`BLESS=1` rewrites the `.ir` and `.wat` files from
//! the output).
//!
//! Guarantees checked: every pass of the pipeline's tables has a folder
//! with at least two cases, every folder is named after a pass, and every
//! case shows the pass changing something (a case where it does nothing
//! would pass whatever the pass did).

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/harness.rs"]
mod harness;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("compiler").join("tests").join("passes")
}

/// What `explain FILE ARGS...` prints, run beside the file.
fn explain(file: &Path, args: &[&str]) -> String {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache");
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .arg("explain")
        .arg(file.file_name().unwrap())
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .current_dir(file.parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_pass_has_cases_and_its_ir_matches() {
    let passes: Vec<&str> = compiler::pipeline::pass_names().collect();
    let mut folders: Vec<String> =
        std::fs::read_dir(folder()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    folders.sort();
    for f in &folders {
        assert!(passes.contains(&f.as_str()), "compiler/tests/passes/{f} is not named after a pass: {passes:?}");
    }
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for pass in passes {
        let dir = folder().join(pass);
        let files = if dir.is_dir() { harness::forth_files(&dir) } else { Vec::new() };
        assert!(files.len() >= 2, "the pass {pass} needs at least two cases in compiler/tests/passes/{pass}/");
        for fs in files {
            let got = explain(&fs, &["--ir", pass]);
            let name = format!("{pass}/{}", fs.file_name().unwrap().to_string_lossy());
            assert!(got.starts_with(&format!("pass {pass} on ")), "{name}: the pass changed nothing:\n{got}");
            let golden = fs.with_extension("ir");
            if bless {
                std::fs::write(&golden, &got).unwrap();
            } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(got.as_str()) {
                failures.push(format!("{name}:\n{got}"));
            }
        }
    }
    assert!(failures.is_empty(), "IR differs (BLESS=1 to accept):\n{}", failures.join("\n"));
}

#[test]
fn emitted_functions_match_their_wat() {
    let dir = folder().join("..").join("emit");
    let files = harness::forth_files(&dir);
    assert!(files.len() >= 4, "the emit filetests are there");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fs in files {
        let src = std::fs::read_to_string(&fs).unwrap();
        let word = src.lines().rev().filter_map(|l| l.strip_prefix(": ")).find_map(|l| l.split_whitespace().next());
        let word = word.unwrap_or_else(|| panic!("{} defines no word", fs.display()));
        let got = explain(&fs, &[word, "--wat"]);
        assert!(got.contains("(func $"), "{}: no function:\n{got}", fs.display());
        let golden = fs.with_extension("wat");
        if bless {
            std::fs::write(&golden, &got).unwrap();
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(got.as_str()) {
            failures.push(format!("{}:\n{got}", fs.display()));
        }
    }
    assert!(failures.is_empty(), "WAT differs (BLESS=1 to accept):\n{}", failures.join("\n"));
}

#[test]
fn an_unknown_pass_is_a_usage_error_naming_the_passes() {
    let fs = folder().join("unroll").join("sum-to.fs");
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(["explain", "--ir", "no-such-pass"])
        .arg(&fs)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no pass is named \"no-such-pass\"") && err.contains("unroll"), "{err}");
}

#[test]
fn a_link_time_pass_without_an_entry_is_an_error_naming_it() {
    let fs = folder().join("unroll").join("sum-to.fs");
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(["explain", "--ir", "inline-called-once"])
        .arg(&fs)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot link") && err.contains("MAIN"), "{err}");
}
