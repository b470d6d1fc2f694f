//! Command-line behaviour that golden files cannot express: missing files,
//! standard input, `-e`, `BYE`, very large sources, the REPL, and the
//! words that depend on the outside world (`KEY?`, `EKEY`, `MS`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn runner() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_native-runner"));
    c.env("HOME", scratch("home"));
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cache_args() -> [String; 2] {
    ["--cache-dir".into(), Path::new(env!("CARGO_TARGET_TMPDIR")).join("module-cache").to_string_lossy().into_owned()]
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = runner()
        .args(args)
        .args(cache_args())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = run_with_stdin(&["run", "/no/such/file.fs"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "error: cannot read /no/such/file.fs: No such file or directory (os error 2)\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_is_not_a_source_file() {
    let dir = scratch("folder-arg");
    let out = run_with_stdin(&["run", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error: cannot read "), "{}", text(&out.stderr));
}

#[test]
fn evaluate_strings_run_after_the_files_in_order() {
    let dir = scratch("eval-order");
    let f = dir.join("a.fs");
    std::fs::write(&f, ": hello .\" file\" ;\n").unwrap();
    let out = run_with_stdin(&["run", f.to_str().unwrap(), "-e", "hello", "-e", "space 42 ."], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "file 42 ");
}

#[test]
fn evaluate_strings_may_start_with_a_minus() {
    let out = run_with_stdin(&["run", "-e", "-5 .", "-e", "-1 abs ."], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "-5 1 ");
}

#[test]
fn bye_stops_everything_with_success() {
    let out = run_with_stdin(&["run", "-e", "1 . bye 2 .", "-e", "3 ."], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "1 ");
}

#[test]
fn standard_input_feeds_accept_and_key_until_eof() {
    let prog = "create buf 80 allot : line buf 80 accept buf swap type [char] | emit ; line line line key .";
    let out = run_with_stdin(&["run", "-e", prog], b"first\nsecond\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "first|second||-1 ");
}

#[test]
fn a_ten_megabyte_source_loads() {
    let dir = scratch("big");
    let f = dir.join("big.fs");
    let mut src = String::with_capacity(10 << 20);
    src.push_str("variable total\n");
    let mut i = 0u64;
    while src.len() < 10 << 20 {
        src.push_str(&format!(
            "\\ {i}: {}\n",
            "a comment line that makes the file big without adding code. ".repeat(3)
        ));
        src.push_str(&format!(": w{i} {i} dup 1+ * 2/ drop {i} 0 max 1 min total +! ( add {i} ) ;\n"));
        i += 1;
    }
    src.push_str(&format!("w0 w{} total @ .\n", i - 1));
    std::fs::write(&f, &src).unwrap();
    let out = run_with_stdin(&["run", "--timeout", "120", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1 ");
}

#[test]
fn a_line_too_long_for_the_source_buffer_is_a_clear_error() {
    let dir = scratch("long-line");
    let f = dir.join("long.fs");
    std::fs::write(&f, format!("1 drop {}\n", "2 drop ".repeat(20000))).unwrap();
    let out = run_with_stdin(&["run", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("long.fs:1:1: error: input line too long: 140007 bytes"), "{err}");
}

#[test]
fn the_repl_reports_errors_and_goes_on() {
    let history = scratch("repl").join("history");
    let out = run_with_stdin(
        &["repl", "--history", history.to_str().unwrap()],
        b"1 2 + .\nfoo\n: sq dup *\n ;\n5 sq .\ndepth .\nbye\n4 .\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("3  ok\n"), "{stdout}");
    assert!(stdout.contains(" compiled\n"), "{stdout}");
    assert!(stdout.contains("25  ok\n0  ok\n"), "{stdout}");
    assert!(!stdout.contains("4 "), "BYE must end the session: {stdout}");
    assert_eq!(text(&out.stderr), "<repl>:1:1: error: foo: undefined word (THROW -13)\n");
    let saved = std::fs::read_to_string(&history).unwrap();
    assert!(saved.contains("5 sq ."), "history is kept: {saved}");
}

#[test]
fn the_repl_survives_a_runaway_loop() {
    let out = run_with_stdin(
        &["repl", "--timeout", "0.3", "--history", scratch("repl2").join("h").to_str().unwrap()],
        b": f begin again ; f\n7 .\n",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("7  ok"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("time limit exceeded"), "{}", text(&out.stderr));
}

#[test]
fn usage_errors_exit_2() {
    let out = runner().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn key_question_and_ekey_read_piped_input() {
    // Piped input is always ready; EKEY decodes an arrow key's sequence.
    let out = run_with_stdin(&["run", "-e", "key? . key . ekey k-up = . ekey ekey>char . . key? . key ."], b"a\x1b[Ab");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "-1 97 -1 -1 98 -1 -1 ");
}

#[test]
fn ms_waits_and_ends_at_the_time_limit() {
    let start = std::time::Instant::now();
    let out = run_with_stdin(&["run", "--timeout", "1", "-e", "20 ms .( waited) 100000 ms .( never)"], b"");
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "waited");
    assert!(text(&out.stderr).contains("time limit exceeded"), "{}", text(&out.stderr));
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
}

#[test]
fn the_float_stack_depth_is_an_option() {
    let ok = run_with_stdin(&["run", "--float-stack", "3", "-e", "1E 2E 3E FDEPTH ."], b"");
    assert_eq!(text(&ok.stdout), "3 ");
    let full = run_with_stdin(&["run", "--float-stack", "3", "-e", "1E 2E 3E 4E"], b"");
    assert_eq!(full.status.code(), Some(1));
    assert_eq!(text(&full.stderr), "-e:1:10: error: 4E: floating-point stack overflow (THROW -44)\n");
}

#[test]
fn xkey_reads_utf8_from_standard_input() {
    let out = run_with_stdin(&["run", "-e", "XKEY . XKEY . XKEY . XKEY ."], "é€a".as_bytes());
    assert_eq!(text(&out.stdout), "233 8364 97 -1 ");
}
