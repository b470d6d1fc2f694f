//! Lists the examples gallery: every `benchmarks/programs/NAME/NAME.fs` and
//! every `public/examples/*.fs`, sorted by name, as (group, name) pairs;
//! only the first text the page shows (`public/examples/hello.fs`) is
//! embedded, the others are files the page fetches (`make examples`
//! gathers them into `target/examples/GROUP/NAME.fs`, served as
//! `examples/GROUP/NAME.fs`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The example the page starts with when nothing was saved.
const FIRST: &str = "hello";

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
    let mut code = String::from("/// The examples gallery: (group, name).\npub const EXAMPLES: &[(&str, &str)] = &[\n");
    for (group, list) in [("teaching", fs_files(&teaching, false)), ("benchmark", fs_files(&bench, true))] {
        for (name, _) in list {
            writeln!(code, "    ({group:?}, {name:?}),").unwrap();
        }
    }
    code.push_str("];\n");
    let first = teaching.join(format!("{FIRST}.fs")).canonicalize().unwrap();
    writeln!(code, "/// The text of the example `{FIRST}`, the page's first text.").unwrap();
    writeln!(code, "pub const FIRST_TEXT: &str = include_str!({:?});", first.display().to_string()).unwrap();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("examples.rs");
    std::fs::write(out, code).unwrap();
}
