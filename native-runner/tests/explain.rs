//! `native-runner explain`: each program of `tests/explain/` beside the
//! remarks it must print (`NAME.txt`; `BLESS=1` rewrites them from the
//! output), and the bad-input paths.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("tests").join("explain")
}

fn explain(args: &[&str]) -> Output {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache");
    Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .arg("explain")
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .current_dir(folder())
        .output()
        .unwrap()
}

#[test]
fn remarks_match_their_golden_files() {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(folder())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 2, "the golden programs are there");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fs in programs {
        let name = fs.file_name().unwrap().to_str().unwrap();
        let out = explain(&[name]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let golden = fs.with_extension("txt");
        if bless {
            std::fs::write(&golden, &out.stdout).unwrap();
        } else if std::fs::read(&golden).ok().as_deref() != Some(&out.stdout[..]) {
            failures.push(format!("{name}:\n{}", String::from_utf8_lossy(&out.stdout)));
        }
    }
    assert!(failures.is_empty(), "remarks differ (BLESS=1 to accept):\n{}", failures.join("\n"));
}

#[test]
fn one_word_as_json() {
    let out = explain(&["passes.fs", "gcd", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "fastforth.explain/1");
    let words = doc["words"].as_array().unwrap();
    assert_eq!(words.len(), 1);
    assert_eq!(words[0]["name"], "GCD");
    assert_eq!(words[0]["effect"], "( 2 -- 1 )");
    assert_eq!(words[0]["location"], "passes.fs:6:1");
    assert!(words[0]["remarks"].as_array().unwrap().iter().any(|r| r["pass"] == "qdup-branch"));
}

#[test]
fn bad_inputs_are_clear_errors() {
    let out = explain(&["passes.fs", "no-such-word"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "error: no-such-word is not a colon definition\n");
    let out = explain(&["no-such-file.fs"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-file.fs"), "{out:?}");
    assert!(out.stdout.is_empty());
}

#[test]
fn minus_o0_says_why_nothing_is_optimized() {
    let out = explain(&["passes.fs", "sq", "-O0"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "passes.fs:2:1: SQ ( 1 -- 1 )\n  convention: memory calling convention: -O0 infers no stack effects\n"
    );
}

/// `--wat`: the word's function, each instruction beside the token it came
/// from; a word inlined into it maps to its call site.
#[test]
fn one_word_as_annotated_wat() {
    let dir = std::env::temp_dir().join(format!("explain-wat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sq.fs");
    std::fs::write(&file, ": sq ( n -- n*n ) dup * ;\n: quad ( n -- n ) sq sq ;\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(["explain", file.to_str().unwrap(), "quad", "--wat"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("QUAD ( 1 -- 1 )\n(func $quad"), "{text}");
    let muls: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("i32.mul")).collect();
    assert_eq!(muls.len(), 2, "{text}");
    assert!(muls[0].ends_with(";; sq 2:19") && muls[1].ends_with(";; sq 2:22"), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("return") && l.ends_with(";; ; 2:25")), "{text}");
    let err = Command::new(env!("CARGO_BIN_EXE_native-runner")).args(["explain", "x.fs", "--wat"]).output().unwrap();
    assert_eq!(err.status.code(), Some(2), "--wat needs a word");
}
