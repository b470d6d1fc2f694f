//! gforth 0.7.3's extension words: the inventory `tests/gforth/words.tsv`
//! against the system and against gforth's sources.
//!
//! The inventory has one row per word that gforth 0.7.3's sources tag
//! `\ gforth` (or that real gforth programs use untagged), with `yes` and
//! how it is implemented, or `no` and why it is left out. Three checks:
//!
//! - every `yes` word is defined in a freshly booted system;
//! - when gforth's sources are installed (`/usr/share/gforth/0.7.3`, from
//!   Debian's `gforth-common`, which `../shared/tools/gforth32` installs),
//!   every word they tag `gforth` that gforth32's image defines has a row;
//! - the README's GFORTH table is the one made from the inventory
//!   (`BLESS=1` rewrites it).

use std::collections::{BTreeSet, HashMap};
#[path = "common/harness.rs"]
mod harness;

use harness::{gforth32, repo};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Row {
    name: String,
    implemented: bool,
    note: String,
}

fn inventory() -> Vec<Row> {
    let text = std::fs::read_to_string(repo().join("tests/gforth/words.tsv")).expect("tests/gforth/words.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
        .map(|l| {
            let mut it = l.splitn(3, '\t');
            let name = it.next().unwrap_or_default().to_string();
            let status = it.next().unwrap_or_default();
            assert!(status == "yes" || status == "no", "bad status {status:?} for {name}");
            Row { name, implemented: status == "yes", note: it.next().unwrap_or_default().to_string() }
        })
        .collect()
}

#[test]
fn the_inventory_is_sorted_and_every_row_says_how_or_why() {
    let rows = inventory();
    assert!(rows.len() > 400, "{} rows", rows.len());
    let mut seen = BTreeSet::new();
    for r in &rows {
        assert!(seen.insert(r.name.to_ascii_lowercase()), "{} twice", r.name);
        assert!(!r.note.trim().is_empty(), "{}: say how it is implemented or why it is left out", r.name);
    }
}

#[test]
fn the_words_marked_yes_and_only_those_are_defined() {
    let rows = inventory();
    // One line per word: its index is printed when the word is defined
    // where the inventory says it is not, or the other way round.
    let mut prog = String::new();
    for (i, r) in rows.iter().enumerate() {
        let test = if r.implemented { "0=" } else { "" };
        prog.push_str(&format!("[DEFINED] {} {test} [IF] {i} . [THEN]\n", r.name));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("probe.fs");
    std::fs::write(&file, prog).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_native-runner"))
        .arg("run")
        .arg(&file)
        .stdin(Stdio::null())
        .output()
        .expect("runner starts");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let wrong: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|i| i.parse::<usize>().ok())
        .map(|i| {
            format!(
                "{} ({})",
                rows[i].name,
                if rows[i].implemented { "marked yes, not defined" } else { "marked no, defined" }
            )
        })
        .collect();
    assert!(wrong.is_empty(), "the inventory is wrong about: {wrong:?}");
}

/// gforth's comparison words that its `prim` file makes with m4 macros
/// (`comparisons(...)`, `dcomparisons(...)`), so no line carries their
/// names and tags; these are the ones tagged `gforth`.
const MACRO_WORDS: &[&str] = &[
    "0<=", "0>=", "<=", ">=", "u=", "u<>", "u<=", "u>=", "d<>", "d>", "d<=", "d>=", "d0<>", "d0>", "d0<=", "d0>=",
    "du=", "du<>", "du>", "du<=", "du>=", "f=", "f<>", "f>", "f<=", "f>=", "f0<>", "f0>", "f0<=", "f0>=",
];

/// The names gforth's sources tag `gforth`: a name, its stack comment in
/// parentheses, then `\ gforth` (in `prim`: the word-set column).
fn tagged_words(share: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "fs") || p.file_name().is_some_and(|n| n == "prim") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(share, &mut files);
    let mut names: BTreeSet<String> = MACRO_WORDS.iter().map(|s| s.to_string()).collect();
    for f in files {
        let prim = f.file_name().is_some_and(|n| n == "prim");
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap_or_default()).into_owned();
        for line in text.lines() {
            if let Some(name) = tagged_name(line, prim) {
                names.insert(name.to_ascii_lowercase());
            }
        }
    }
    names
}

/// The name a line tags `gforth`, if it does.
fn tagged_name(line: &str, prim: bool) -> Option<String> {
    if prim {
        // `name ( stack ) gforth pronunciation`, the name in column 0.
        if line.starts_with(char::is_whitespace) {
            return None;
        }
        let (name, rest) = line.split_once(char::is_whitespace)?;
        let rest = rest.trim_start().strip_prefix('(')?;
        let (_, after) = rest.split_once(')')?;
        let tag = after.split_whitespace().next()?;
        return (tag == "gforth" && !name.starts_with('$')).then(|| name.to_string());
    }
    // `... name ( stack ) \ gforth ...` anywhere in the line.
    let open = line.find(" (")?;
    let close = open + line[open..].find(')')?;
    let tag = line[close + 1..].trim_start().strip_prefix('\\')?.split_whitespace().next()?;
    if tag != "gforth" {
        return None;
    }
    line[..open].split_whitespace().last().map(str::to_string)
}

#[test]
fn the_tag_reader_finds_names_in_both_kinds_of_source() {
    assert_eq!(tagged_name(": place ( addr len to -- ) \\ gforth", false).as_deref(), Some("place"));
    assert_eq!(tagged_name("' require alias needs ( ... \"name\" -- ... ) \\ gforth", false).as_deref(), Some("needs"));
    assert_eq!(tagged_name(": dup ( w -- w w ) \\ core", false), None);
    assert_eq!(tagged_name("rdrop\t( R:w -- )\t\tgforth", true).as_deref(), Some("rdrop"));
    assert_eq!(tagged_name("$1<=\t( $2 -- f )\t\tgforth\t$3less_or_equal", true), None);
    assert_eq!(tagged_name("dup\t( w -- w w )\t\tcore", true), None);
}

#[test]
fn every_word_gforth_tags_and_defines_has_a_row() {
    let share = Path::new("/usr/share/gforth/0.7.3");
    let (true, Some(gforth)) = (share.is_dir(), gforth32()) else {
        eprintln!("gforth 0.7.3's sources or gforth32 are not installed: the inventory is not checked against them");
        return;
    };
    let tagged = tagged_words(share);
    // Only the words of gforth32's image count (the rest belong to
    // libraries a program includes itself).
    let mut prog = String::new();
    let list: Vec<&String> = tagged.iter().collect();
    for (i, w) in list.iter().enumerate() {
        prog.push_str(&format!("[DEFINED] {w} [IF] {i} . [THEN]\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("probe.fs");
    std::fs::write(&file, prog).unwrap();
    let out = Command::new(gforth).arg(&file).args(["-e", "bye"]).stdin(Stdio::null()).output().unwrap();
    let rows: HashMap<String, Row> = inventory().into_iter().map(|r| (r.name.to_ascii_lowercase(), r)).collect();
    let missing: Vec<&str> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|i| i.parse::<usize>().ok())
        .map(|i| list[i].as_str())
        .filter(|w| !rows.contains_key(*w))
        .collect();
    assert!(missing.is_empty(), "gforth 0.7.3 tags these `gforth` and defines them; add rows: {missing:?}");
}

const TABLE_START: &str = "<!-- gforth-words: made from tests/gforth/words.tsv by the gforth_words test -->";
const TABLE_END: &str = "<!-- end of gforth-words -->";

/// The README's table: one row per way of implementing (or reason for
/// leaving out), listing its words, implemented ones first.
fn readme_table(rows: &[Row]) -> String {
    let code = |w: &str| {
        let w = w.replace('|', "\\|");
        if w.contains('`') {
            format!("``{w}``")
        } else {
            format!("`{w}`")
        }
    };
    let mut groups: Vec<(bool, &str, Vec<&str>)> = Vec::new();
    for r in rows {
        match groups.iter_mut().find(|(y, n, _)| *y == r.implemented && *n == r.note) {
            Some(g) => g.2.push(&r.name),
            None => groups.push((r.implemented, &r.note, vec![&r.name])),
        }
    }
    groups.sort_by_key(|g| (!g.0, std::cmp::Reverse(g.2.len())));
    let (yes, no) = rows.iter().fold((0, 0), |(y, n), r| if r.implemented { (y + 1, n) } else { (y, n + 1) });
    let mut out = String::new();
    out.push_str(TABLE_START);
    out.push_str(&format!(
        "\n\n{yes} words implemented, {no} left out.\n\n| | words | how, or why not |\n| --- | --- | --- |\n"
    ));
    for (implemented, note, words) in groups {
        let status = if implemented { "yes" } else { "no" };
        let list: Vec<String> = words.iter().map(|w| code(w)).collect();
        out.push_str(&format!("| {status} | {} | {} |\n", list.join(" "), note.replace('|', "\\|")));
    }
    out.push('\n');
    out.push_str(TABLE_END);
    out
}

#[test]
fn the_readme_table_is_made_from_the_inventory() {
    harness::check_readme_section(TABLE_START, TABLE_END, &readme_table(&inventory()));
}
