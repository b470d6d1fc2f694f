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
    // The newline an uncaught error writes on stdout, as gforth does.
    assert_eq!(text(&out.stdout), "\n");
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
    // As gforth: each line read from a pipe is echoed with a space after
    // it, and ACCEPT at the end of input ends the program (KEY never runs).
    assert_eq!(text(&out.stdout), "first first|second second|");
    let out = run_with_stdin(&["run", "-e", "key . key . key ."], b"a");
    assert_eq!(text(&out.stdout), "97 4 4 ");
}

#[test]
fn expect_reads_a_line_into_span_as_gforth_does() {
    // gforth32 prints "hello world 11 hello world|" for this input.
    let prog = "create buf 80 allot buf 80 expect span @ . buf span @ type char | emit";
    let out = run_with_stdin(&["run", "-e", prog], b"hello world\nsecond\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "hello world 11 hello world|");
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
fn blocks_persist_in_the_block_file_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let blocks = dir.path().join("my.fb");
    let b = blocks.to_str().unwrap();
    let write = "2 BUFFER 1024 BL FILL S\" 40 2 + .\" 2 BLOCK SWAP MOVE UPDATE FLUSH";
    let out = run_with_stdin(&["run", "--blocks", b, "-e", write], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::metadata(&blocks).unwrap().len(), 3 * 1024);
    let out = run_with_stdin(&["run", "--blocks", b, "-e", "2 LOAD"], b"");
    assert_eq!(text(&out.stdout), "42 ");
    // Reading alone never creates the default block file.
    let out =
        runner().current_dir(dir.path()).args(["run", "-e", "5 BLOCK C@ EMIT"]).args(cache_args()).output().unwrap();
    assert_eq!(text(&out.stdout), " ");
    assert!(!dir.path().join("blocks.fb").exists());
    // Nor does a program without block words.
    let out = runner().current_dir(dir.path()).args(["run", "-e", "1 2 + ."]).args(cache_args()).output().unwrap();
    assert_eq!(text(&out.stdout), "3 ");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["my.fb"]);
}

#[test]
fn included_paths_are_relative_to_the_including_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::write(dir.path().join("lib/a.fs"), "INCLUDE b.fs : a b 1+ ;").unwrap();
    std::fs::write(dir.path().join("lib/b.fs"), ": b 41 ;").unwrap();
    std::fs::write(dir.path().join("main.fs"), "S\" lib/a.fs\" INCLUDED REQUIRE lib/a.fs a .").unwrap();
    let main = dir.path().join("main.fs");
    let out = run_with_stdin(&["run", main.to_str().unwrap()], b"");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "42 ");
}

#[test]
fn key_question_and_ekey_read_piped_input() {
    // Piped input is always ready; EKEY decodes an arrow key's sequence.
    let out = run_with_stdin(&["run", "-e", "key? . key . ekey k-up = . ekey ekey>char . . key? . key ."], b"a\x1b[Ab");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "-1 97 -1 -1 98 -1 4 ");
}

#[test]
fn ms_waits_and_ends_at_the_time_limit() {
    let start = std::time::Instant::now();
    let out = run_with_stdin(&["run", "--timeout", "1", "-e", "20 ms .( waited) 100000 ms .( never)"], b"");
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "waited\n");
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
    let out = run_with_stdin(&["run", "-e", "XKEY? . XKEY . XKEY . XKEY . XKEY ."], "é€a".as_bytes());
    assert_eq!(text(&out.stdout), "-1 233 8364 97 4 ");
}

// ---- Limits: each is an option, and going past it is a clear error ----

/// Runs `-e prog` with `args`; returns stdout, or stderr if `fails`.
fn limited(args: &[&str], prog: &str, fails: bool) -> String {
    let out = run_with_stdin(&[&["run", "-e", prog], args].concat(), b"");
    assert_eq!(out.status.code(), Some(if fails { 1 } else { 0 }), "{args:?} {prog}: {}", text(&out.stderr));
    text(if fails { &out.stderr } else { &out.stdout })
}

#[test]
fn memory_is_limited_by_the_memory_option() {
    let prog = "here 6000000 allot here swap - .";
    assert_eq!(limited(&["--memory", "16"], prog, false), "6000000 ");
    assert!(limited(&["--memory", "4"], prog, true).contains("(THROW -8)"));
}

#[test]
fn stack_depths_are_limited_by_their_options() {
    let deep = ": f 0 ?do i loop ; 100 f depth .";
    assert_eq!(limited(&["--data-stack", "128"], deep, false), "100 ");
    assert!(limited(&["--data-stack", "64"], deep, true).contains("(THROW -3)"));
    let rdeep = ": g dup if dup >r 1- recurse r> drop then ; 100 g 7 .";
    // At -O0 every >R item is in memory (above, they may live in locals).
    assert_eq!(limited(&["-O0", "--return-stack", "128"], rdeep, false), "7 ");
    assert!(limited(&["-O0", "--return-stack", "64"], rdeep, true).contains("(THROW -5)"));
}

#[test]
fn nested_evaluate_is_limited_by_max_nesting() {
    let prog = "variable n : r 1 n +! n @ 5 < if s\" r\" evaluate then ; r n @ .";
    assert_eq!(limited(&["--max-nesting", "8"], prog, false), "5 ");
    assert_eq!(
        limited(&["--max-nesting", "4"], prog, true),
        "-e:1:56: error: r: input sources nested too deeply (the limit is 4) (THROW -5)\n"
    );
    // Endless recursion through EVALUATE at the highest limit still ends cleanly.
    assert!(limited(&["--max-nesting", "1000"], ": e s\" e\" evaluate ; e", true).contains("(THROW -5)"));
}

#[test]
fn input_files_are_limited_by_max_input() {
    let dir = scratch("max-input");
    let f = dir.join("two-mib.fs");
    std::fs::write(&f, "\\ padding\n".repeat(210_000)).unwrap();
    let ok = run_with_stdin(&["run", "--max-input", "3", f.to_str().unwrap(), "-e", "1 ."], b"");
    assert_eq!(text(&ok.stdout), "1 ", "{}", text(&ok.stderr));
    let over = run_with_stdin(&["run", "--max-input", "1", f.to_str().unwrap()], b"");
    assert_eq!(over.status.code(), Some(1));
    assert_eq!(
        text(&over.stderr),
        format!("error: cannot read {}: larger than the input limit of 1048576 bytes (see --max-input)\n", f.display())
    );
    // An endless file is no different.
    let zero = run_with_stdin(&["run", "-e", "s\" /dev/zero\" included"], b"");
    assert_eq!(zero.status.code(), Some(1));
    assert!(
        text(&zero.stderr).contains("cannot read /dev/zero: larger than the input limit"),
        "{}",
        text(&zero.stderr)
    );
}

// ---- Modules: `run X.wasm` runs only images built by `build` ----

fn refused(name: &str, bytes: &[u8]) -> String {
    let f = scratch("foreign").join(name);
    std::fs::write(&f, bytes).unwrap();
    let out = run_with_stdin(&["run", f.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2), "{name} was not refused");
    assert!(out.stdout.is_empty());
    text(&out.stderr)
}

/// A module with one function import and, if asked, our image section.
fn module(import: (&str, &str), image_section: bool) -> Vec<u8> {
    use wasm_encoder::{CustomSection, EntityType, ImportSection, TypeSection, ValType};
    let mut m = wasm_encoder::Module::new();
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], []);
    m.section(&types);
    let mut imports = ImportSection::new();
    imports.import(import.0, import.1, EntityType::Function(0));
    m.section(&imports);
    if image_section {
        m.section(&CustomSection { name: "fastforth.image".into(), data: b"{}".as_slice().into() });
    }
    m.finish()
}

#[test]
fn run_refuses_modules_we_did_not_build() {
    let e = refused("text.wasm", b": main 1 . ;\n");
    assert!(e.ends_with("Caused by: not a WebAssembly module (bad magic number)\n"), "{e}");
    let e = refused("wasi.wasm", &module(("wasi_snapshot_preview1", "fd_write"), true));
    assert!(e.contains("it imports wasi_snapshot_preview1.fd_write"), "{e}");
    assert!(e.contains("outside the FastForth ABI"), "{e}");
    let e = refused("plain.wasm", &module(("forth", "host"), false));
    assert!(e.ends_with("Caused by: not a FastForth image: it has no fastforth.image section\n"), "{e}");

    // A real image, cut short.
    let dir = scratch("foreign");
    let src = dir.join("ok.fs");
    std::fs::write(&src, ": main 42 . ;\n").unwrap();
    let img = dir.join("ok.wasm");
    let built = run_with_stdin(&["build", src.to_str().unwrap(), "-o", img.to_str().unwrap()], b"");
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
    let bytes = std::fs::read(&img).unwrap();
    let ran = run_with_stdin(&["run", img.to_str().unwrap()], b"");
    assert_eq!(text(&ran.stdout), "42 ");
    let e = refused("cut.wasm", &bytes[..bytes.len() / 2]);
    assert!(e.contains("Caused by: not a valid WebAssembly module"), "{e}");
}

#[test]
fn a_trap_in_a_built_module_names_the_word() {
    let dir = scratch("image-trap");
    let src = dir.join("dz.fs");
    std::fs::write(&src, ": f 1 0 / . ;\n: main f ;\n").unwrap();
    let img = dir.join("dz.wasm");
    let built = run_with_stdin(&["build", src.to_str().unwrap(), "-o", img.to_str().unwrap()], b"");
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
    let out = run_with_stdin(&["run", img.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "error: main: division by zero (integer divide by zero) (THROW -10)\n");
}

// ---- REPL history ----

#[test]
fn repl_history_is_kept_across_sessions() {
    let history = scratch("repl-history").join("history");
    let _ = std::fs::remove_file(&history);
    let first = run_with_stdin(&["repl", "--history", history.to_str().unwrap()], b": sq dup * ;\n3 sq .\n");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let second = run_with_stdin(&["repl", "--history", history.to_str().unwrap()], b"7 .\nbye\n");
    assert_eq!(second.status.code(), Some(0), "{}", text(&second.stderr));
    let saved = std::fs::read_to_string(&history).unwrap();
    let lines: Vec<&str> = saved.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines, [": sq dup * ;", "3 sq .", "7 .", "bye"], "{saved}");
}

#[test]
fn a_conditional_section_spans_evaluate_strings_and_repl_lines() {
    let out = run_with_stdin(&["run", "-e", "0 [IF] 1 .", "-e", "2 . [ELSE] 3 .", "-e", "[THEN] 4 ."], b"");
    assert_eq!(text(&out.stdout), "3 4 ");
    let out = run_with_stdin(&["repl"], b"0 [IF]\n1 .\n[THEN] 2 .\n3 .\n");
    assert!(text(&out.stdout).contains("2  ok\n3  ok"), "{}", text(&out.stdout));
}

#[test]
fn a_history_that_cannot_be_saved_is_a_warning_not_an_error() {
    let history = scratch("repl-history-bad").join("no-such-folder").join("history");
    let out = run_with_stdin(&["repl", "--history", history.to_str().unwrap()], b"1 .\n2 .\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("1  ok\n2  ok\n"), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert_eq!(err.matches("warning: cannot save the history").count(), 1, "{err}");
}

#[test]
fn a_layout_that_does_not_fit_names_the_options_once() {
    let fails = |args: &[&str]| {
        let out = run_with_stdin(&[&["run", "-e", "1 ."], args].concat(), b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        text(&out.stderr)
    };
    assert_eq!(fails(&["--memory", "0"]), "error: invalid value 0 for --memory: 0 is not in 1..=4095\n");
    assert_eq!(
        fails(&["--memory", "2"]),
        "error: --memory 2 MiB is too small for --data-stack 16384, --return-stack 16384 and --float-stack 1024: \
         they need --memory 3 or more\n"
    );
    assert_eq!(
        fails(&["--data-stack", "100000000"]),
        "error: --memory 16 MiB is too small for --data-stack 100000000, --return-stack 16384 and --float-stack \
         1024: they need --memory 384 or more\n"
    );
    assert!(fails(&["--float-stack", "4000000000"]).ends_with("which is over the largest memory\n"));
    assert_eq!(
        fails(&["--data-stack", "1"]),
        "error: invalid value 1 for --data-stack: the system needs at least 16 cells\n"
    );
    // The REPL boots the same way.
    let out = run_with_stdin(&["repl", "--memory", "1"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: --memory 1 MiB is too small"), "{}", text(&out.stderr));
}

#[test]
fn an_uncaught_error_ends_stdout_with_one_newline_as_gforth_does() {
    // On a pipe: the program's output, then one newline, whatever the
    // column (gforth writes it even after CR); nothing after the error runs.
    let dir = tempfile::tempdir().unwrap();
    let prog = dir.path().join("e.fs");
    std::fs::write(&prog, "1 . 2 .\nfoo\n3 .\n").unwrap();
    let out = run_with_stdin(&["run", prog.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "1 2 \n");
    assert!(text(&out.stderr).starts_with(&format!("{}:2:1: error: foo: undefined word", prog.display())));
    let out = run_with_stdin(&["run", "-e", ".( a) cr 1 0 /"], b"");
    assert_eq!(text(&out.stdout), "a\n\n");
    // A program that ends normally or with BYE gets no extra newline.
    let out = run_with_stdin(&["run", "-e", ".( a) bye"], b"");
    assert_eq!((out.status.code(), text(&out.stdout)), (Some(0), "a".to_string()));
    // On a terminal the same bytes arrive (the pty turns \n into \r\n).
    // `script` gives the runner a pty; without it this part is skipped.
    let Ok(script) = Command::new("script").arg("--version").output() else { return };
    if !script.status.success() {
        return;
    }
    let cmd = format!("{} run {} 2>/dev/null", env!("CARGO_BIN_EXE_native-runner"), prog.display());
    let out = Command::new("script").args(["-qec", &cmd, "/dev/null"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(text(&out.stdout), "1 2 \r\n");
}

// ---- The command line: gforth's ARGC, ARGV, ARG, NEXT-ARG, SHIFT-ARGS ----

/// Scripts that look at their command line; none prints `0 ARG`, which is
/// each system's own path.
fn argument_scripts() -> PathBuf {
    let dir = scratch("args");
    let files: [(&str, &str); 4] = [
        ("show.fs", ": .args argc @ 1 ?do i . i arg type cr loop ; argc @ . cr .args 0 arg nip 0> . cr\n"),
        ("script.fs", "#! /usr/bin/env gforth\n: main begin next-arg dup while .\" arg: \" type cr repeat 2drop ;\nmain argc @ . cr bye\n"),
        ("two.fs", ".( two:) next-arg type cr\n"),
        ("hello.fs", ".( hello) cr\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

/// The gforth 0.7.3 with 32-bit cells the golden tests use, if installed.
fn gforth32() -> Option<PathBuf> {
    let p = std::env::var_os("GFORTH32")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/tools/gforth32"));
    let ok = Command::new(&p).args(["-e", "bye"]).stdin(Stdio::null()).output().is_ok_and(|o| o.status.success());
    ok.then_some(p)
}

#[test]
fn the_program_sees_its_command_line_as_gforth_does() {
    let dir = argument_scripts();
    let lines: &[&[&str]] = &[
        // What is left while a file loads: the files and -e pairs after it.
        // Files load with REQUIRED, so the second hello.fs does nothing.
        &["show.fs", "hello.fs", "-e", "1 .", "hello.fs", "-e", "bye"],
        // A script takes its arguments, which are then not loaded.
        &["script.fs", "no-such-file", "-e", "1 . cr", "-e", "bye"],
        // A file may take just the one after it.
        &["two.fs", "taken", "hello.fs", "-e", "bye"],
        // -e strings and files run in command-line order.
        &["-e", ".( first) cr", "hello.fs", "-e", ".( last) cr bye"],
    ];
    let ours = |line: &[&str]| {
        let out = runner().current_dir(&dir).arg("run").args(line).args(cache_args()).stdin(Stdio::null()).output();
        let out = out.unwrap();
        assert_eq!(out.status.code(), Some(0), "{line:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    let want: [&str; 4] = [
        "7 \n1 hello.fs\n2 -e\n3 1 .\n4 hello.fs\n5 -e\n6 bye\n-1 \nhello\n1 ",
        "arg: no-such-file\narg: -e\narg: 1 . cr\narg: -e\narg: bye\n1 \n",
        "two:taken\nhello\n",
        "first\nhello\nlast\n",
    ];
    for (line, want) in lines.iter().zip(want) {
        assert_eq!(ours(line), want, "{line:?}");
    }
    // The expectations above are gforth's; check them when it is here.
    if let Some(gforth) = gforth32() {
        for (line, want) in lines.iter().zip(want) {
            let out = Command::new(&gforth).current_dir(&dir).args(*line).stdin(Stdio::null()).output().unwrap();
            assert_eq!(text(&out.stdout), want, "gforth32 {line:?}");
        }
    }
}

#[test]
fn the_runners_own_options_are_not_arguments() {
    let dir = argument_scripts();
    let out = runner()
        .current_dir(&dir)
        .args(["run", "show.fs", "--timeout", "5", "--evaluate", "2 .", "-O0", "-e3 .", "hello.fs"])
        .args(cache_args())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "6 \n1 -e\n2 2 .\n3 -e\n4 3 .\n5 hello.fs\n-1 \n2 3 hello\n");
}

#[cfg(unix)]
#[test]
fn zero_arg_is_the_name_the_runner_was_started_by() {
    use std::os::unix::process::CommandExt;
    let dir = scratch("modulino");
    let prog = "s\" prog\" 0 arg compare 0= [IF] .( main) [ELSE] .( library) [THEN]";
    std::fs::write(dir.join("m.fs"), prog).unwrap();
    for (name, want) in [("prog", "main"), ("other", "library")] {
        let out = runner().arg0(name).current_dir(&dir).args(["run", "m.fs"]).args(cache_args()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), want);
    }
}
