//! Makes `FASTFORTH_COMPILER_BUILD`: a hash of the compiler's and the
//! runtime's sources (every file under `src/`, in name order), so that a
//! snapshot of the booted system (`boot_snapshot.rs`) is keyed by the code
//! that made it, committed or not.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src", "../runtime/src"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    // FNV-1a, 64 bits: enough to tell builds apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in &all {
        let name = p.to_string_lossy();
        for b in name.bytes().chain(std::fs::read(p).unwrap_or_default()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=FASTFORTH_COMPILER_BUILD={}-{h:016x}", env!("CARGO_PKG_VERSION"));
}
