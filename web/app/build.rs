//! Embeds the examples gallery: every `benchmarks/programs/NAME/NAME.fs`
//! and every `public/examples/*.fs`, sorted by name, as `include_str!`s.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn fs_files(dir: &Path, nested: bool) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if nested && p.is_dir() {
            let f = p.join(format!("{name}.fs"));
            if f.is_file() {
                out.push((name, f));
            }
        } else if !nested && name.ends_with(".fs") {
            out.push((name.trim_end_matches(".fs").to_string(), p));
        }
    }
    out.sort();
    out
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..");
    let teaching = root.join("public/examples");
    let bench = root.join("benchmarks/programs");
    println!("cargo:rerun-if-changed={}", teaching.display());
    println!("cargo:rerun-if-changed={}", bench.display());
    let mut code = String::from(
        "/// The examples gallery: (group, name, source).\npub const EXAMPLES: &[(&str, &str, &str)] = &[\n",
    );
    for (group, list) in [("teaching", fs_files(&teaching, false)), ("benchmark", fs_files(&bench, true))] {
        for (name, path) in list {
            let path = path.canonicalize().unwrap();
            writeln!(code, "    ({group:?}, {name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
        }
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("examples.rs");
    std::fs::write(out, code).unwrap();
}
