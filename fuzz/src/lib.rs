//! The fuzz targets as library functions, so that a crash found by
//! `cargo fuzz` can be replayed and debugged like any other code.
//!
//! Both run Forth source in process on the real machine (wasmtime with
//! Cranelift, `native_runner::machine::NativeMachine`) with small limits:
//! 4 MiB of memory, 1024-cell stacks, an epoch deadline of 50 ms (3 s for
//! generated programs, whose runs that reach it are not compared), output kept
//! up to 64 KiB, no standard input. Every module the compiler emits is
//! validated with wasmparser (`Config::validate`).
//!
//! - [`load_bytes`]: any bytes, loaded as a program and then linked. It must
//!   not panic, and must never report an internal error (a module that does
//!   not validate, or that the engine refuses to compile).
//! - [`opt_equivalence`]: a well-formed program from [`gen::Program`] prints
//!   the same output and stops with the same error at `-O0` and at `-O3`.

pub mod gen;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::OnceLock;

use compiler::{Config, Forth, LinkOptions, Stop};
use native_runner::console::Console;
use native_runner::machine::{ModuleMemo, NativeMachine};
use runtime::Layout;
use wasmtime::Engine;

/// The most output one run keeps.
const MAX_OUTPUT: usize = 64 << 10;
/// The time limit of one run of arbitrary bytes, in epoch ticks of 10 ms.
const DEADLINE_TICKS: u64 = 5;
/// The time limit of one run of a generated program, whose loops are all
/// short: only a very loaded machine reaches it.
const GENERATED_DEADLINE_TICKS: u64 = 300;

/// What a run printed and how it stopped.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The program's output (at most [`MAX_OUTPUT`] bytes).
    pub output: Vec<u8>,
    /// The diagnostic it stopped with, or `None` if it ran to the end.
    pub error: Option<String>,
}

/// Program output kept in memory, up to [`MAX_OUTPUT`] bytes.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut v = self.0.borrow_mut();
        let room = MAX_OUTPUT.saturating_sub(v.len());
        v.extend_from_slice(&buf[..buf.len().min(room)]);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn layout() -> Layout {
    Layout::new(4 << 20, 1024, 1024)
}

/// The engine, and the modules every run needs (the kernel and the
/// prelude's), compiled once and shared by every run.
fn engine_and_memo() -> &'static (Engine, ModuleMemo) {
    static CELL: OnceLock<(Engine, ModuleMemo)> = OnceLock::new();
    CELL.get_or_init(|| (native_runner::engine::engine(native_runner::engine::Checks::for_time_limit(true)).expect("the engine starts"), ModuleMemo::new(8)))
}

/// Whether a diagnostic reports a bug of ours rather than of the program.
pub fn is_internal(msg: &str) -> bool {
    msg.contains("internal error") || msg.contains("cannot compile module") || msg.contains("does not validate")
}

/// Loads `src` with the optimizer on or off, then (if it loaded) links it
/// with the first word as entry. Runs on a thread with the runner's large
/// stack, as `native-runner` does.
pub fn run(src: &[u8], optimize: bool, link: bool, ticks: u64) -> Outcome {
    let src = src.to_vec();
    std::thread::Builder::new()
        .stack_size(native_runner::engine::THREAD_STACK)
        .spawn(move || run_here(&src, optimize, link, ticks))
        .expect("a thread")
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}

fn run_here(src: &[u8], optimize: bool, link: bool, ticks: u64) -> Outcome {
    let (engine, memo) = engine_and_memo();
    let out = Captured::default();
    let console = Console::new(Box::new(out.clone()), Box::new(std::io::empty()));
    let mut m = NativeMachine::new(engine, console, None);
    m.share_modules(memo.clone());
    // Fuzzed programs may name any file: keep them off the disk.
    m.disable_files();
    // -O0 or -O3 as `native-runner` sets them.
    let level = compiler::pipeline::Level::of(if optimize { 3 } else { 0 });
    let mut forth = Forth::new(level.apply(Config { layout: layout(), validate: true, ..Config::default() }));
    if let Err(s) = forth.boot(&mut m) {
        panic!("the system does not boot: {s}");
    }
    m.set_deadline(Some(ticks));
    let mut res = forth.load_source(&mut m, "fuzz.fs", src).and_then(|()| forth.end_of_input());
    if res.is_ok() && link {
        // Link whatever loaded, with the last colon definition as the entry;
        // a missing entry word is an ordinary error.
        let opts = LinkOptions { entry: last_colon_name(src), ..LinkOptions::default() };
        if let Err(d) = forth.link(&mut m, &opts) {
            if is_internal(&d.message) {
                res = Err(Stop::Error(d));
            }
        }
    }
    m.flush_output();
    let error = match res {
        Ok(()) => None,
        Err(Stop::Bye) => Some("BYE".to_string()),
        Err(Stop::Quit) => Some("QUIT".to_string()),
        Err(Stop::Error(d)) => Some(d.to_string()),
    };
    drop(m);
    let output = out.0.borrow().clone();
    Outcome { output, error }
}

/// The name after the last `:` token of a source, if any.
fn last_colon_name(src: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(src);
    let toks: Vec<&str> = text.split_ascii_whitespace().collect();
    let at = toks.iter().rposition(|t| *t == ":")?;
    toks.get(at + 1).map(|t| t.to_string())
}

/// Target 1: arbitrary bytes as a program. Panics on an internal error.
pub fn load_bytes(data: &[u8]) {
    let res = run(data, true, true, DEADLINE_TICKS);
    if let Some(e) = &res.error {
        assert!(!is_internal(e), "internal error on input {:?}: {e}", String::from_utf8_lossy(data));
    }
}

/// Target 2: a generated program behaves the same at -O0 and at -O3.
pub fn opt_equivalence(prog: &gen::Program) {
    let src = prog.source();
    let o0 = run(src.as_bytes(), false, false, GENERATED_DEADLINE_TICKS);
    let o3 = run(src.as_bytes(), true, false, GENERATED_DEADLINE_TICKS);
    for (level, o) in [("-O0", &o0), ("-O3", &o3)] {
        if let Some(e) = &o.error {
            assert!(!is_internal(e), "internal error at {level}:\n{src}\n{e}");
            // The clock, not the program, decided this run: nothing to compare.
            if e.contains("time limit exceeded") {
                return;
            }
        }
    }
    assert_eq!(o0, o3, "-O0 and -O3 differ on:\n{src}");
}
