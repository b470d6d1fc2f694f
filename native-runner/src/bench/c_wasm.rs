//! C twins compiled to wasm by clang and run on the same wasmtime engine as
//! our modules: the comparison that isolates our compiler from the engine.
//!
//! A twin is compiled with `clang --target=wasm32-wasi -O2 -std=c11
//! -mbulk-memory` (or `$WASM_CC`) against the system's wasi-libc; bulk
//! memory lets `memset` and `memcpy` become `memory.fill` and
//! `memory.copy`, as our `FILL` and `MOVE` are. It runs as a WASI command
//! (`_start`) in a fresh store for every iteration, like ours, and only the
//! call of `_start` is timed; compiling and instantiating are not.
//!
//! The twins print with `printf` and need only four WASI calls: `fd_write`,
//! `fd_seek`, `fd_close` and `fd_fdstat_get` (plus `proc_exit` on a non-zero
//! return). This file provides exactly those, over an in-memory standard
//! output, rather than linking `wasmtime-wasi`, which would bring wasmtime's
//! component model and an async runtime into the runner for four functions.
//! A twin that imports anything else is refused with the import's name.
//!
//! Guarantees: a twin sees no file system, environment, clock or arguments;
//! its standard output is captured whole; a trap or a non-zero exit is an
//! error naming the twin.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::Context as _;
use wasmtime::{Caller, Engine, Extern, Linker, Module, Store};

use crate::engine;
use crate::interrupt::Alarm;

/// The WASI preview 1 module name.
const WASI: &str = "wasi_snapshot_preview1";

/// WASI errno values this host returns.
const ERRNO_SUCCESS: i32 = 0;
const ERRNO_BADF: i32 = 8;
const ERRNO_FAULT: i32 = 21;
const ERRNO_SPIPE: i32 = 70;

/// clang's flags besides the target.
const FLAGS: [&str; 3] = ["-O2", "-std=c11", "-mbulk-memory"];

/// How twins are compiled, as reports name it.
pub fn compiler() -> String {
    format!("{} --target=wasm32-wasi {}", cc(), FLAGS.join(" "))
}

fn cc() -> String {
    std::env::var("WASM_CC").ok().filter(|c| !c.is_empty()).unwrap_or_else(|| "clang".into())
}

/// Why C cannot be compiled to wasm here, or `None` when it can: clang must
/// run and find a wasi-libc (probed once by compiling an empty program).
pub fn unavailable(dir: &Path) -> Option<String> {
    let probe = dir.join("probe.c");
    if std::fs::write(&probe, "#include <stdio.h>\nint main(void) { return 0; }\n").is_err() {
        return Some(format!("cannot write {}", probe.display()));
    }
    match compile(&probe, &dir.join("probe.wasm")) {
        Ok(()) => None,
        Err(e) => Some(format!("{e:#}")),
    }
}

fn compile(c: &Path, out: &Path) -> anyhow::Result<()> {
    let res = Command::new(cc())
        .arg("--target=wasm32-wasi")
        .args(FLAGS)
        .arg("-o")
        .arg(out)
        .arg(c)
        .output()
        .with_context(|| format!("cannot run {}", cc()))?;
    anyhow::ensure!(
        res.status.success(),
        "{} failed on {}: {}",
        compiler(),
        c.display(),
        String::from_utf8_lossy(&res.stderr).trim()
    );
    Ok(())
}

/// A twin compiled for the engine.
pub struct Twin {
    module: Module,
    linker: Linker<Host>,
    /// The wasm file clang wrote.
    pub wasm: PathBuf,
}

/// What a running twin has: its captured standard output and exit code.
#[derive(Default)]
struct Host {
    stdout: Vec<u8>,
    exit: Option<i32>,
}

/// The error `proc_exit` unwinds with.
#[derive(Debug)]
struct Exit(i32);

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {}", self.0)
    }
}

impl std::error::Error for Exit {}

/// Compiles `c` to wasm in `dir` and that to code for `engine`.
pub fn build(engine: &Engine, c: &Path, dir: &Path) -> anyhow::Result<Twin> {
    let stem = c.file_stem().map_or("twin".into(), |s| s.to_string_lossy().into_owned());
    let wasm = dir.join(format!("{stem}.c.wasm"));
    compile(c, &wasm)?;
    let module =
        Module::from_file(engine, &wasm).map_err(|e| e.context(format!("cannot compile {}", wasm.display())))?;
    if let Some(i) = module.imports().find(|i| i.module() != WASI || !PROVIDED.contains(&i.name())) {
        anyhow::bail!(
            "{} imports {}::{}, which bench's WASI host does not provide (it has {})",
            wasm.display(),
            i.module(),
            i.name(),
            PROVIDED.join(", ")
        );
    }
    Ok(Twin { module, linker: linker(engine)?, wasm })
}

/// The WASI calls this host provides.
const PROVIDED: [&str; 5] = ["fd_write", "fd_seek", "fd_close", "fd_fdstat_get", "proc_exit"];

fn memory(caller: &mut Caller<'_, Host>) -> Option<wasmtime::Memory> {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => Some(m),
        _ => None,
    }
}

/// `fd_write(fd, iovs, iovs_len, nwritten) -> errno`: standard output is
/// kept, standard error goes to ours, other descriptors are bad.
fn fd_write(mut caller: Caller<'_, Host>, fd: i32, iovs: i32, n: i32, nwritten: i32) -> i32 {
    let Some(mem) = memory(&mut caller) else { return ERRNO_FAULT };
    let (data, host) = mem.data_and_store_mut(&mut caller);
    let word = |at: usize| data.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
    let mut bytes = Vec::new();
    for k in 0..n.max(0) as usize {
        let at = iovs as u32 as usize + 8 * k;
        let (Some(ptr), Some(len)) = (word(at), word(at + 4)) else { return ERRNO_FAULT };
        let Some(chunk) = data.get(ptr..ptr.saturating_add(len)) else { return ERRNO_FAULT };
        bytes.extend_from_slice(chunk);
    }
    match fd {
        1 => host.stdout.extend_from_slice(&bytes),
        2 => eprint!("{}", String::from_utf8_lossy(&bytes)),
        _ => return ERRNO_BADF,
    }
    let Some(out) = data.get_mut(nwritten as u32 as usize..).and_then(|d| d.get_mut(..4)) else {
        return ERRNO_FAULT;
    };
    out.copy_from_slice(&(bytes.len() as u32).to_le_bytes());
    ERRNO_SUCCESS
}

/// `fd_fdstat_get(fd, buf) -> errno`: the standard streams are of unknown
/// type (not terminals, so stdio buffers fully, as for a C twin whose
/// output is a pipe) with every right.
fn fd_fdstat_get(mut caller: Caller<'_, Host>, fd: i32, buf: i32) -> i32 {
    if !(0..=2).contains(&fd) {
        return ERRNO_BADF;
    }
    let Some(mem) = memory(&mut caller) else { return ERRNO_FAULT };
    let mut stat = [0u8; 24];
    stat[8..24].fill(0xff);
    match mem.write(&mut caller, buf as u32 as usize, &stat) {
        Ok(()) => ERRNO_SUCCESS,
        Err(_) => ERRNO_FAULT,
    }
}

fn linker(engine: &Engine) -> anyhow::Result<Linker<Host>> {
    let mut l = Linker::new(engine);
    l.func_wrap(WASI, "fd_write", fd_write)?;
    l.func_wrap(WASI, "fd_fdstat_get", fd_fdstat_get)?;
    l.func_wrap(WASI, "fd_seek", |_: i32, _: i64, _: i32, _: i32| ERRNO_SPIPE)?;
    l.func_wrap(WASI, "fd_close", |fd: i32| if (0..=2).contains(&fd) { ERRNO_SUCCESS } else { ERRNO_BADF })?;
    l.func_wrap(WASI, "proc_exit", |mut caller: Caller<'_, Host>, code: i32| -> wasmtime::Result<()> {
        caller.data_mut().exit = Some(code);
        Err(wasmtime::Error::new(Exit(code)))
    })?;
    Ok(l)
}

impl Twin {
    /// Runs the twin once on a fresh instance; returns its standard output
    /// and the time of the `_start` call. `deadline` is the time limit in
    /// epoch ticks (`None`: none), enforced as for Forth programs.
    pub fn run_once(&self, deadline: Option<u64>) -> anyhow::Result<(Vec<u8>, u64)> {
        let mut store = Store::new(self.module.engine(), Host::default());
        store.set_epoch_deadline(deadline.unwrap_or(u64::MAX / 2));
        let instance = self.linker.instantiate(&mut store, &self.module)?;
        let start = instance.get_typed_func::<(), ()>(&mut store, "_start")?;
        let alarm = Alarm::new();
        alarm.register(&self.module);
        alarm.set(
            deadline.and_then(|t| Instant::now().checked_add(engine::TICK * u32::try_from(t).unwrap_or(u32::MAX))),
        );
        let Some(running) = alarm.enter() else {
            anyhow::bail!("{}: time limit exceeded (see --timeout)", self.wasm.display());
        };
        let t = Instant::now();
        let res = start.call(&mut store, ());
        let ns = t.elapsed().as_nanos() as u64;
        drop(running);
        if res.as_ref().is_err_and(|e| alarm.timed_out(e)) {
            anyhow::bail!("{}: time limit exceeded (see --timeout)", self.wasm.display());
        }
        let host = std::mem::take(store.data_mut());
        match (res, host.exit) {
            (Ok(()), _) | (Err(_), Some(0)) => Ok((host.stdout, ns)),
            (Err(_), Some(code)) => anyhow::bail!("{} exited with {code}", self.wasm.display()),
            (Err(e), None) => Err(anyhow::Error::from(e).context(format!("{} trapped", self.wasm.display()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        crate::engine::engine(crate::engine::Checks::for_time_limit(true)).unwrap()
    }

    /// A WASI command in text form: prints "hi\n" through fd_write, then
    /// exits with `code` through proc_exit unless it is 0.
    fn command(code: i32) -> String {
        format!(
            r#"(module
              (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $x (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "hi\n")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (if (i32.ne (i32.const {code}) (i32.const 0)) (then (call $x (i32.const {code}))))))"#
        )
    }

    fn twin(engine: &Engine, text: &str) -> Twin {
        Twin { module: Module::new(engine, text).unwrap(), linker: linker(engine).unwrap(), wasm: "t.wasm".into() }
    }

    #[test]
    fn output_is_captured_and_exit_codes_count() {
        let e = engine();
        let (out, _) = twin(&e, &command(0)).run_once(None).unwrap();
        assert_eq!(out, b"hi\n");
        let err = twin(&e, &command(3)).run_once(None).unwrap_err();
        assert!(format!("{err:#}").contains("exited with 3"), "{err:#}");
    }

    #[test]
    fn a_bad_iovec_is_a_fault_not_a_crash() {
        let e = engine();
        let text = r#"(module
              (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 65530))
                (i32.store (i32.const 4) (i32.const 100))
                (if (i32.ne (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)) (i32.const 21))
                  (then unreachable))))"#;
        let (out, _) = twin(&e, text).run_once(None).unwrap();
        assert!(out.is_empty());
    }
}
