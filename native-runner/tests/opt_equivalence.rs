//! Property test: random well-formed programs (see `common`) print the
//! same output unoptimized (`-O0`) and optimized (`-O3`), and as a built
//! module. The seeds are fixed, so a failure reproduces; set `OPT_EQ_SEED`
//! to try others.

mod common;
#[path = "common/harness.rs"]
mod harness;

use std::path::Path;

#[test]
fn optimized_and_unoptimized_programs_agree() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("opt-eq");
    std::fs::create_dir_all(&dir).unwrap();
    let first: u64 = std::env::var("OPT_EQ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut failures = Vec::new();
    for seed in first..first + 40 {
        let src = common::program(seed);
        let f = dir.join(format!("p{seed}.fs"));
        let fs = f.to_str().unwrap();
        let o0 = match harness::run_at_both_levels(&f, seed, &src) {
            Ok(o0) => o0,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let wasm = dir.join(format!("p{seed}.wasm"));
        let built = harness::run(&["build", fs, "-o", wasm.to_str().unwrap()]);
        assert_eq!(built.0, 0, "seed {seed}: {}", built.2);
        let image = harness::run(&["run", wasm.to_str().unwrap()]);
        if image.1 != o0.1 {
            failures
                .push(format!("seed {seed}: the built module differs\n{src}\nsource: {}\nmodule: {}", o0.1, image.1));
        }
    }
    assert!(failures.is_empty(), "{} of 40 programs disagree:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// The loops that `-O3` vectorizes (tests/programs/vector_loops.fs: every
/// reduction and map idiom at trip counts 0 to 17 and 1000, unaligned
/// bases, overlapping maps, steps up and down, loops that fault at the end
/// of memory) print the same at `-O0`, at `-O3` and as a built module.
#[test]
fn vectorized_loops_agree_with_scalar_loops() {
    let dir = harness::scratch_dir("opt-eq", "vector");
    let f = dir.join("vector_loops.fs");
    let o0 =
        harness::run_at_both_levels(&f, 0, include_str!("programs/vector_loops.fs")).unwrap_or_else(|e| panic!("{e}"));
    assert!(o0.1.contains("maps n=1000"), "{}", o0.1);
    let wasm = dir.join("vector_loops.wasm");
    let built = harness::run(&["build", f.to_str().unwrap(), "-o", wasm.to_str().unwrap()]);
    assert_eq!(built.0, 0, "{}", built.2);
    let image = harness::run(&["run", wasm.to_str().unwrap()]);
    assert_eq!(image.1, o0.1);
}
