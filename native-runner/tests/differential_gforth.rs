//! Differential test against the reference: random well-formed programs
//! (see `common`), and random floats shown by `F.`, `FE.`, `FS.` and `F.S`, must
//! print the same under `native-runner run` as under
//! gforth 0.7.3 with 32-bit cells (`../shared/tools/gforth32`, which
//! `.ci/setup` installs). Where that reference is absent the test says so
//! and checks nothing. Set `DIFF_SEED` and `DIFF_N` to try other programs.

mod common;
#[path = "common/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The reference and the folder for the programs both sides run; `None`
/// (after saying so) where the reference is absent, so `what` compared nothing.
fn reference(what: &str) -> Option<(PathBuf, PathBuf)> {
    let Some(gforth) = harness::gforth32() else {
        eprintln!("gforth32 is not available: the {what} compared nothing");
        return None;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff-gforth");
    std::fs::create_dir_all(&dir).unwrap();
    Some((gforth, dir))
}

#[test]
fn random_programs_print_what_gforth_prints() {
    let Some((gforth, dir)) = reference("differential test") else { return };
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

/// Random doubles over the whole exponent range, written as shortest
/// round-trip literals, shown at several precisions.
fn float_program(seed: u64, n: u32) -> String {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut out = String::new();
    for _ in 0..n {
        let bits = next();
        let mut r = f64::from_bits(bits);
        if !r.is_finite() {
            r = (bits % 1000) as f64 / 7.0;
        }
        let precision = [15, 17, 3, 8, 16, 5][(next() % 6) as usize];
        out.push_str(&format!("{precision} SET-PRECISION {r:e} FS. {r:e} FE. CR\n"));
        if r.abs() < 1e25 && r.abs() > 1e-25 {
            out.push_str(&format!("{r:e} F. CR\n"));
        }
        out.push_str(&format!("{r:e} F.S FDROP CR\n"));
    }
    out
}

#[test]
fn random_floats_display_as_gforth_displays_them() {
    let Some((gforth, dir)) = reference("float differential test") else { return };
    let seed: u64 = std::env::var("DIFF_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let src = float_program(seed, 300);
    let f = dir.join(format!("floats{seed}.fs"));
    std::fs::write(&f, &src).unwrap();
    let ours = Command::new(env!("CARGO_BIN_EXE_native-runner")).arg("run").arg(&f).output().unwrap();
    let theirs = Command::new(&gforth).arg(&f).args(["-e", "bye"]).output().unwrap();
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let (a, b) = (String::from_utf8_lossy(&ours.stdout), String::from_utf8_lossy(&theirs.stdout));
    let diffs: Vec<String> = src
        .lines()
        .zip(a.split('\n').zip(b.split('\n')))
        .filter(|(_, (x, y))| x != y)
        .map(|(l, (x, y))| format!("{l}\n  ours:   {x}\n  gforth: {y}"))
        .take(10)
        .collect();
    assert!(a.len() > 10_000, "too little output: {a}");
    assert!(a == b, "float displays differ from gforth:\n{}", diffs.join("\n"));
}
