//! Build script: records what `info` and bench reports cite as provenance.
//!
//! Sets `FASTFORTH_GIT_REVISION` (the commit, with `-dirty` when the work
//! tree has changes; `unknown` without git or outside a repository),
//! `FASTFORTH_TARGET` (the target triple this binary is built for) and
//! `FASTFORTH_WASMTIME_VERSION` (read from the workspace's Cargo.lock).
//! Nothing here fails the build: missing facts become `unknown`.
//!
//! On Linux the binary is linked as a position-dependent executable
//! (`-no-pie`): a position-independent one makes the dynamic loader apply
//! about 30,000 relocations to half a megabyte of tables at every start,
//! which was a quarter of the time `run hello.fs` took.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn wasmtime_version(lock: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasmtime\"" {
            let v = lines.next()?.trim().strip_prefix("version = \"")?.strip_suffix('"')?;
            return Some(v.to_string());
        }
    }
    None
}

fn main() {
    let rev = git(&["rev-parse", "--short=12", "HEAD"]).filter(|r| !r.is_empty());
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    let rev = match rev {
        Some(r) if dirty => format!("{r}-dirty"),
        Some(r) => r,
        None => "unknown".into(),
    };
    println!("cargo:rustc-env=FASTFORTH_GIT_REVISION={rev}");
    println!("cargo:rustc-env=FASTFORTH_TARGET={}", std::env::var("TARGET").unwrap_or_else(|_| "unknown".into()));
    let lock = std::fs::read_to_string("../Cargo.lock").unwrap_or_default();
    let wt = wasmtime_version(&lock).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=FASTFORTH_WASMTIME_VERSION={wt}");
    println!("cargo:rerun-if-changed=../Cargo.lock");
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("-linux-") && !target.contains("android") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    // Rebuild when HEAD moves or the index changes (a commit or checkout).
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        println!("cargo:rerun-if-changed={dir}/index");
        let common = git(&["rev-parse", "--git-common-dir"]).unwrap_or(dir);
        if let Some(r) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={common}/{r}");
        }
    }
}
