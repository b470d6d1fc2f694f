//! Differential test against the reference: random well-formed programs
//! (see `common`) must print the same under `native-runner run` as under
//! gforth 0.7.3 with 32-bit cells (`../shared/tools/gforth32`, which
//! `.ci/setup` installs). Where that reference is absent the test says so
//! and checks nothing. Set `DIFF_SEED` and `DIFF_N` to try other programs.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn gforth32() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/gforth32");
    p.exists().then_some(p)
}

#[test]
fn random_programs_print_what_gforth_prints() {
    let Some(gforth) = gforth32() else {
        eprintln!("gforth32 is not available: the differential test compared nothing");
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-gforth");
    std::fs::create_dir_all(&dir).unwrap();
    let first: u64 = std::env::var("DIFF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let n: u64 = std::env::var("DIFF_N").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let mut mismatches = Vec::new();
    for seed in first..first + n {
        let src = common::program(seed);
        let f = dir.join(format!("d{seed}.fs"));
        std::fs::write(&f, &src).unwrap();
        let ours = Command::new(env!("CARGO_BIN_EXE_native-runner"))
            .args(["run", "--cache-dir"])
            .arg(Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache"))
            .arg(&f)
            .args(["-e", "main"])
            .output()
            .unwrap();
        let theirs = Command::new(&gforth).arg(&f).args(["-e", "main bye"]).output().unwrap();
        assert!(ours.status.success(), "seed {seed}: {}", String::from_utf8_lossy(&ours.stderr));
        if ours.stdout != theirs.stdout {
            mismatches.push(format!(
                "seed {seed}:\n{src}\nours:   {}\ngforth: {}{}",
                String::from_utf8_lossy(&ours.stdout),
                String::from_utf8_lossy(&theirs.stdout),
                String::from_utf8_lossy(&theirs.stderr)
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {n} programs differ from gforth:\n\n{}",
        mismatches.len(),
        mismatches.join("\n\n")
    );
}
