//! gforth's own programs, run from gforth 0.7.3's installation: its
//! benchmarks, its libraries with their examples, and its test files.
//!
//! `tests/gforth/programs.tsv` lists them: the files to load (relative to
//! gforth's share directory `/usr/share/gforth/0.7.3`), `-e` code to run
//! after them, whether they run here, and a note. Each program marked
//! `yes` runs under gforth32 and under our runner, from a copy of the
//! share directory, and both must print the same bytes on stdout (after
//! replacing what the row's `scrub` names: `addresses`, numbers of six
//! digits or more, which are addresses in both systems). The files are
//! GPL and never copied into this repository: without gforth's
//! installation (Debian's `gforth-common`, which `../shared/tools/gforth32`
//! installs) the test says so and checks nothing.

#[path = "common/harness.rs"]
mod harness;

use harness::{gforth32, repo};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SHARE: &str = "/usr/share/gforth/0.7.3";

struct Program {
    files: Vec<String>,
    eval: String,
    runs: bool,
    scrub: bool,
    note: String,
}

/// Rows: `files<TAB>-e code or -<TAB>yes|no<TAB>scrub or -<TAB>note`.
fn programs() -> Vec<Program> {
    let text = std::fs::read_to_string(repo().join("tests/gforth/programs.tsv")).expect("tests/gforth/programs.tsv");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "bad row: {l}");
            Program {
                files: f[0].split_whitespace().map(str::to_string).collect(),
                eval: if f[1] == "-" { String::new() } else { f[1].to_string() },
                runs: match f[2] {
                    "yes" => true,
                    "no" => false,
                    s => panic!("bad status {s:?} in {l}"),
                },
                scrub: match f[3] {
                    "addresses" => true,
                    "-" => false,
                    s => panic!("bad scrub {s:?} in {l}"),
                },
                note: f[4].to_string(),
            }
        })
        .collect()
}

/// Numbers of six digits or more (addresses) become `ADDR`.
fn scrub_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for c in s.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() || (c == '-' && digits.is_empty()) {
            digits.push(c);
            continue;
        }
        let n = digits.trim_start_matches('-').len();
        if n >= 6 {
            out.push_str("ADDR");
        } else {
            out.push_str(&digits);
        }
        digits.clear();
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// Replaces the count of a line that times a run (`1 secs`, as gforth's
/// `siev.fs` prints it): the two systems run at different speeds, and a
/// loaded machine slows either past a second.
fn scrub_times(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|line| {
            let text = line.trim_end();
            match text.split_once(' ') {
                Some((n, unit)) if (unit == "secs" || unit == "sec") && n.bytes().all(|b| b.is_ascii_digit()) => {
                    line.replacen(n, "N", 1)
                }
                _ => line.to_string(),
            }
        })
        .collect()
}

#[test]
fn scrubbing_times_replaces_only_the_count_of_a_timing_line() {
    assert_eq!(scrub_times("1899 \n1 secs\n12 secs later\n"), "1899 \nN secs\n12 secs later\n");
}

#[test]
fn scrubbing_replaces_only_long_numbers() {
    assert_eq!(scrub_addresses("object:1476218944 class:-142447764 20 23 -5"), "object:ADDR class:ADDR 20 23 -5");
}

/// Copies the share directory (gforth's programs write files beside them
/// in places) into a fresh temporary directory.
fn copy_share(to: &Path) {
    let st = Command::new("cp").arg("-r").arg(format!("{SHARE}/.")).arg(to).status().expect("cp");
    assert!(st.success(), "cannot copy {SHARE}");
}

fn run(cmd: &Path, pre: &[&str], dir: &Path, p: &Program) -> (i32, String, String) {
    let mut c = Command::new(cmd);
    c.current_dir(dir).args(pre).args(&p.files);
    if !p.eval.is_empty() {
        c.arg("-e").arg(&p.eval);
    }
    c.args(["-e", "bye"]);
    let out = c.stdin(Stdio::null()).output().expect("starts");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn gforths_programs_print_what_gforth_prints() {
    let rows = programs();
    assert!(rows.iter().all(|p| !p.note.is_empty()), "every row has a note");
    let Some(gforth) = gforth32().filter(|_| Path::new(SHARE).is_dir()) else {
        eprintln!("gforth 0.7.3 is not installed: its programs are not run");
        return;
    };
    let ours = PathBuf::from(env!("CARGO_BIN_EXE_native-runner"));
    let scratch = tempfile::tempdir().unwrap();
    copy_share(scratch.path());
    let mut failures = Vec::new();
    for p in rows.iter().filter(|p| p.runs) {
        let name = p.files.join(" ");
        let (gcode, gout, _) = run(&gforth, &[], scratch.path(), p);
        let (code, out, err) = run(&ours, &["run", "--timeout", "60"], scratch.path(), p);
        let (gout, out) = (scrub_times(&gout), scrub_times(&out));
        let (want, got) = if p.scrub { (scrub_addresses(&gout), scrub_addresses(&out)) } else { (gout, out) };
        if gcode != 0 {
            failures.push(format!("{name}: gforth32 itself fails (exit {gcode}); mark it no"));
        } else if code != 0 || want != got {
            failures.push(format!("{name}: exit {code}, stderr:\n{err}\n--- gforth32\n{want}\n--- ours\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{} of gforth's programs differ:\n\n{}", failures.len(), failures.join("\n\n"));
}

const TABLE_START: &str = "<!-- gforth-programs: made from tests/gforth/programs.tsv by the gforth_programs test -->";
const TABLE_END: &str = "<!-- end of gforth-programs -->";

/// The README's table of gforth's programs: what runs, and why the rest
/// does not.
fn readme_table(rows: &[Program]) -> String {
    let runs = rows.iter().filter(|p| p.runs).count();
    let mut out = format!(
        "{TABLE_START}\n\n{runs} of {} run as in gforth.\n\n| program | runs here | note |\n| --- | --- | --- |\n",
        rows.len()
    );
    for p in rows {
        let files: Vec<String> = p.files.iter().map(|f| format!("`{f}`")).collect();
        let files = if p.eval.is_empty() { files.join(" ") } else { format!("{} `-e {}`", files.join(" "), p.eval) };
        out.push_str(&format!("| {files} | {} | {} |\n", if p.runs { "yes" } else { "no" }, p.note));
    }
    out.push('\n');
    out.push_str(TABLE_END);
    out
}

#[test]
fn the_readme_table_of_programs_is_made_from_the_list() {
    harness::check_readme_section(TABLE_START, TABLE_END, &readme_table(&programs()));
}
