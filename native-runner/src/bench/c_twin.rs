//! C twins: compiled with `cc -O2` (or `$CC`), run as whole processes
//! (timed as `process` says).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

/// How twins are compiled, as reports name it.
pub fn compiler() -> String {
    format!("{} -O2 -std=c11", cc())
}

fn cc() -> String {
    std::env::var("CC").ok().filter(|c| !c.is_empty()).unwrap_or_else(|| "cc".into())
}

/// Compiles `c` into a binary in `dir`.
pub fn build(c: &Path, dir: &Path) -> anyhow::Result<PathBuf> {
    let stem = c.file_stem().map_or("twin".into(), |s| s.to_string_lossy().into_owned());
    let bin = dir.join(format!("{stem}.c.bin"));
    let out = Command::new(cc())
        .args(["-O2", "-std=c11", "-o"])
        .arg(&bin)
        .arg(c)
        .output()
        .with_context(|| format!("cannot run {} for {}", cc(), c.display()))?;
    anyhow::ensure!(
        out.status.success(),
        "{} failed on {}:\n{}",
        compiler(),
        c.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(bin)
}

/// Runs the binary once; returns its standard output and wall time.
pub fn run_once(bin: &Path) -> anyhow::Result<(Vec<u8>, u64)> {
    super::process::run_once(&mut Command::new(bin))
}
