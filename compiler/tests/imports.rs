//! The import rule of ARCHITECTURE.md, checked over the sources: a pure
//! module (the IR, the passes, the pipeline, the emitter, the cost model
//! and the leaf modules of shared facts) imports only pure modules, so no
//! import cycle runs through one and the outer interpreter, and pure
//! modules form no cycle among themselves (the emitter's files included:
//! `emit/body.rs` is its base, and the float, primitive, structure and
//! module files build on it in that order).
//!
//! An import is any `crate::a::b` or `super::a` path outside comments and
//! the file's test module, and the items of a `use crate::{...}` group,
//! each taken as the longest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The pure modules, with everything under them.
const PURE: &[&str] = &[
    "ir",
    "cfg",
    "passes",
    "pipeline",
    "emit",
    "kernel",
    "cost",
    "primitives",
    "host_words",
    "xt_numbering",
    "config",
    "limits",
    "number",
    "float_text",
    "digest",
    "stats",
    "provenance",
    "share_link",
];

/// The interfaces to the hosts, which pure modules may use (the cost
/// model reads its counters through a `Machine`): they import only pure
/// modules and each other.
const INTERFACES: &[&str] = &["machine", "file_system", "error"];

fn under(module: &str, root: &str) -> bool {
    module == root || module.starts_with(&format!("{root}::"))
}

fn is_pure(module: &str) -> bool {
    PURE.iter().chain(INTERFACES).any(|r| under(module, r))
}

/// Every module of `compiler/src` with its source, without comments and
/// the test module.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(&root).unwrap().with_extension("");
                let name = rel.to_string_lossy().replace('/', "::");
                let text = std::fs::read_to_string(&p).unwrap();
                let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
                let code: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .map(|l| l.split(" // ").next().unwrap())
                    .collect();
                out.insert(if name == "lib" { "crate".to_string() } else { name }, code.join("\n"));
            }
        }
    }
    out
}

/// The paths `prefix` starts in `src` (`crate::a::b` gives `a::b`).
fn paths_after<'a>(src: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
        out.push(rest[..end].trim_end_matches(':'));
    }
    out
}

/// Each module's imports, as modules.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules();
    let longest = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len()).rev().map(|n| parts[..n].join("::")).find(|c| mods.contains_key(c))
    };
    let mut g = BTreeMap::new();
    for (m, src) in &mods {
        let mut deps = BTreeSet::new();
        let parent = m.rsplit_once("::").map_or("", |(p, _)| p);
        let mut names: Vec<String> = paths_after(src, "crate::").into_iter().map(String::from).collect();
        names.extend(paths_after(src, "super::").into_iter().map(|p| {
            if parent.is_empty() {
                p.to_string()
            } else {
                format!("{parent}::{p}")
            }
        }));
        for group in src.split("use crate::{").skip(1) {
            let items = group.split("};").next().unwrap_or("");
            names.extend(items.split(',').map(|i| i.trim().trim_start_matches('{').to_string()));
        }
        for n in names {
            if let Some(d) = longest(&n).filter(|d| d != m) {
                deps.insert(d);
            }
        }
        g.insert(m.clone(), deps);
    }
    g
}

#[test]
fn pure_modules_import_only_pure_modules() {
    let g = graph();
    assert!(g.contains_key("pipeline") && g.contains_key("interpreter"), "the sources were not found");
    let bad: Vec<String> = g
        .iter()
        .filter(|(m, _)| is_pure(m))
        .flat_map(|(m, deps)| deps.iter().filter(|d| !is_pure(d)).map(move |d| format!("{m} imports {d}")))
        .collect();
    assert!(
        bad.is_empty(),
        "a pure module imports one above it (move the helper into a leaf module):\n{}",
        bad.join("\n")
    );
}

#[test]
fn pure_modules_form_no_cycle() {
    let g = graph();
    // A module is in a cycle when it reaches itself; the walk stays within
    // pure modules, which (by the test above) import nothing else.
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut work: Vec<String> = g[from].iter().cloned().collect();
        while let Some(m) = work.pop() {
            if seen.insert(m.clone()) {
                work.extend(g.get(&m).into_iter().flatten().cloned());
            }
        }
        seen
    };
    let cyclic: Vec<&String> = g.keys().filter(|m| is_pure(m) && reach(m).contains(*m)).collect();
    assert!(cyclic.is_empty(), "pure modules in an import cycle: {cyclic:?}");
}
