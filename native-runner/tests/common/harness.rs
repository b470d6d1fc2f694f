//! Helpers the property and differential tests share: running the runner
//! and finding the reference gforth. Not part of the fuzz targets, which
//! include the generator in `mod.rs` by path.

// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The Forth files (`*.fs`) of a folder, sorted by name.
pub fn forth_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "fs"))
        .collect();
    v.sort();
    v
}

/// Runs `native-runner` with the shared module cache.
pub fn output(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(args)
        .arg("--cache-dir")
        .arg(Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache"))
        .output()
        .unwrap()
}

/// Runs `native-runner` with the shared module cache: exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = output(args);
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Output bytes as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A scratch folder `NAME` of a test crate's `GROUP`, created if needed.
pub fn scratch_dir(group: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(group).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes program `seed`'s `src` to `path` and runs `main` at `-O0` and
/// `-O3`: the `-O0` result, or why the two disagree.
pub fn run_at_both_levels(path: &Path, seed: u64, src: &str) -> Result<(i32, String, String), String> {
    std::fs::write(path, src).unwrap();
    let fs = path.to_str().unwrap();
    let o0 = run(&["run", "-O0", fs, "-e", "main"]);
    let o3 = run(&["run", "-O3", fs, "-e", "main"]);
    assert_eq!(o0.0, 0, "seed {seed}: the generator made an invalid program:\n{src}\n{}", o0.2);
    if o0 != o3 {
        return Err(format!("seed {seed}: -O0 and -O3 differ\n{src}\n-O0: {o0:?}\n-O3: {o3:?}"));
    }
    Ok(o0)
}

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// gforth 0.7.3 with 32-bit cells, if `.ci/setup` could install it and it
/// starts: `GFORTH32`, else the workplace's `shared/tools/gforth32`.
pub fn gforth32() -> Option<PathBuf> {
    let p = std::env::var_os("GFORTH32").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/tools/gforth32"));
    let ok = Command::new(&p)
        .args(["-e", "bye"])
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(p)
}

/// Checks that the README's section between the marker lines `start` and
/// `end` (both included) is `want`, a table a test makes from data; with
/// `BLESS=1` it rewrites the section instead of failing.
pub fn check_readme_section(start: &str, end: &str, want: &str) {
    let path = repo().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the markers {start} ... {end}");
    };
    if readme[a..b + end.len()] == *want {
        return;
    }
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, format!("{}{}{}", &readme[..a], want, &readme[b + end.len()..])).unwrap();
    } else {
        panic!("README.md's section {start} is not what its data make: run with BLESS=1 to rewrite it");
    }
}
