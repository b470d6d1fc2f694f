//! What `bench` measures: its TARGET arguments resolved into programs.
//!
//! A TARGET is a Forth source file, a built module (`.wasm`, or a `.cwasm`
//! whose artifact is used), or a folder. A folder is searched recursively
//! for `NAME.fs`; a `NAME.c` beside one is its C twin and a `NAME.expected`
//! its expected output. A single source file gets the `.expected` beside it
//! too, and its C twin only through `--compare-c`.

use std::path::{Path, PathBuf};

/// One program to measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The file stem.
    pub name: String,
    /// The Forth source, or the built module.
    pub file: PathBuf,
    /// Whether `file` is a built module rather than source.
    pub is_module: bool,
    /// The C twin to compare with.
    pub c_twin: Option<PathBuf>,
    /// The expected output.
    pub expected: Option<PathBuf>,
}

fn beside(file: &Path, ext: &str) -> Option<PathBuf> {
    Some(file.with_extension(ext)).filter(|p| p.is_file())
}

fn source(file: PathBuf, with_twin: bool) -> Program {
    let name = file.file_stem().map_or("program".into(), |s| s.to_string_lossy().into_owned());
    Program {
        name,
        c_twin: if with_twin { beside(&file, "c") } else { None },
        expected: beside(&file, "expected"),
        is_module: false,
        file,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "fs") {
            out.push(p);
        }
    }
    Ok(())
}

/// Resolves the targets, in order (a folder's programs sorted by path).
pub fn resolve(targets: &[PathBuf], compare_c: Option<&Path>) -> anyhow::Result<Vec<Program>> {
    let mut progs = Vec::new();
    for t in targets {
        if t.is_dir() {
            let mut files = Vec::new();
            walk(t, &mut files)?;
            anyhow::ensure!(!files.is_empty(), "{} holds no Forth programs (NAME.fs)", t.display());
            progs.extend(files.into_iter().map(|f| source(f, true)));
        } else if crate::run::is_module(t) {
            let name = t.file_stem().map_or("module".into(), |s| s.to_string_lossy().into_owned());
            progs.push(Program {
                name,
                file: t.clone(),
                is_module: true,
                c_twin: None,
                expected: beside(t, "expected"),
            });
        } else if t.is_file() {
            progs.push(source(t.clone(), false));
        } else {
            anyhow::bail!("cannot read {}: no such file or folder", t.display());
        }
    }
    if let Some(c) = compare_c {
        anyhow::ensure!(progs.len() == 1, "--compare-c needs exactly one program, not {}", progs.len());
        anyhow::ensure!(c.is_file(), "cannot read {}", c.display());
        progs[0].c_twin = Some(c.to_path_buf());
    }
    Ok(progs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_yields_its_programs_with_twins() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../benchmarks/programs");
        let progs = resolve(std::slice::from_ref(&dir), None).unwrap();
        assert_eq!(progs.len(), 26);
        assert!(progs.iter().all(|p| p.c_twin.is_some() && p.expected.is_some() && !p.is_module));
        let fib = progs.iter().find(|p| p.name == "fib").unwrap();
        assert!(fib.file.ends_with("fib/fib.fs"));
        assert!(resolve(std::slice::from_ref(&dir), Some(&dir.join("fib/fib.c"))).is_err());
        assert!(resolve(&[dir.join("nonexistent.fs")], None).is_err());
    }
}
