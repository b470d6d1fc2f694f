//! Property test: random well-formed programs (see `common`) print the
//! same output unoptimized (`-O0`) and optimized (`-O3`), and as a built
//! module. The seeds are fixed, so a failure reproduces; set `OPT_EQ_SEED`
//! to try others.

mod common;

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .args(args)
        .arg("--cache-dir")
        .arg(Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn optimized_and_unoptimized_programs_agree() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("opt-eq");
    std::fs::create_dir_all(&dir).unwrap();
    let first: u64 = std::env::var("OPT_EQ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut failures = Vec::new();
    for seed in first..first + 40 {
        let src = common::program(seed);
        let f = dir.join(format!("p{seed}.fs"));
        std::fs::write(&f, &src).unwrap();
        let fs = f.to_str().unwrap();
        let o0 = run(&["run", "-O0", fs, "-e", "main"]);
        let o3 = run(&["run", "-O3", fs, "-e", "main"]);
        assert_eq!(o0.0, 0, "seed {seed}: the generator made an invalid program:\n{src}\n{}", o0.2);
        if o0 != o3 {
            failures.push(format!("seed {seed}: -O0 and -O3 differ\n{src}\n-O0: {o0:?}\n-O3: {o3:?}"));
            continue;
        }
        let wasm = dir.join(format!("p{seed}.wasm"));
        let built = run(&["build", fs, "-o", wasm.to_str().unwrap()]);
        assert_eq!(built.0, 0, "seed {seed}: {}", built.2);
        let image = run(&["run", wasm.to_str().unwrap()]);
        if image.1 != o0.1 {
            failures
                .push(format!("seed {seed}: the built module differs\n{src}\nsource: {}\nmodule: {}", o0.1, image.1));
        }
    }
    assert!(failures.is_empty(), "{} of 40 programs disagree:\n\n{}", failures.len(), failures.join("\n\n"));
}
