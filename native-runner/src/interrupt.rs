//! Time limits without checks in the compiled code: once a run's deadline
//! has passed, a watchdog thread sends the thread that runs it a signal,
//! and the signal handler turns the wasm instruction it interrupted into a
//! trap.
//!
//! Why: wasmtime's other way, epoch interruption, compiles a load and a
//! compare at every function entry and loop header and keeps two values in
//! registers for them; on call-heavy programs that costs 1.2 to 1.9 times
//! (benchmarks/README.md, "The engine's configuration"). Here the code has
//! no checks at all, so a run with a time limit is exactly as fast as one
//! without.
//!
//! How: every run of wasm on a machine goes through [`Alarm::enter`], which
//! records the running thread. When the deadline passes while a run is in
//! progress, the watchdog (`watchdog.rs`) signals that thread every
//! [`crate::engine::TICK`]. The handler (`signal.rs`) sends the run to the
//! `ud2` (x86_64) or `udf` (aarch64) of a one-instruction wasm function:
//! at once if the thread is inside the body of a wasm function of a module
//! registered with [`Alarm::register`], or when it returns to wasm if it is
//! in a wasmtime builtin that wasm called (such as `memory.copy`).
//! wasmtime's own trap handler then takes that instruction as a trap of
//! wasm code and unwinds to the innermost entry into wasm, as it does for a
//! trap at any load or division, and [`Alarm::timed_out`] tells the caller
//! that this trap is the time limit. Host words are not interrupted: a call
//! to one stops at its start once the deadline has passed
//! ([`Alarm::expired`]).
//!
//! Guarantees:
//! - the run is only ever sent to the trap from inside a registered wasm
//!   function body, where wasmtime can unwind from any instruction (its
//!   frames are kept by frame pointers), never from a trampoline or a
//!   builtin, whose state it could not unwind;
//! - only a thread inside [`Alarm::enter`] whose deadline has passed is
//!   interrupted (the handler checks both itself, so a stray signal does
//!   nothing), and a registered module's code stays mapped while it is
//!   registered ([`Alarm`] holds the module);
//! - on other platforms than Linux on x86_64 or aarch64, [`SUPPORTED`] is
//!   false and the engine compiles epoch checks instead
//!   (`engine::Checks::for_time_limit`).

mod signal;
mod watchdog;

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use wasmtime::Module;

/// Whether time limits can interrupt code that has no checks on this host.
pub const SUPPORTED: bool = signal::SUPPORTED;

/// The shared state of one alarm: read by the watchdog and by the signal
/// handler, written by the thread that runs wasm.
#[derive(Debug)]
struct Armed {
    /// The deadline in nanoseconds after [`watchdog::origin`]; `u64::MAX`
    /// means none.
    deadline_ns: AtomicU64,
    /// How many runs of wasm are in progress (host words nest them).
    depth: AtomicU32,
    /// The kernel thread id of the outermost run in progress.
    tid: AtomicU32,
    /// Modules whose code may be interrupted, and how many of them are
    /// published to the signal handler's table (the first ones).
    modules: Mutex<(Vec<Module>, usize)>,
}

impl Armed {
    fn due(&self, now_ns: u64) -> bool {
        now_ns >= self.deadline_ns.load(Ordering::Acquire)
    }
}

/// The time limit of one machine's runs, and the code they run.
#[derive(Debug)]
pub struct Alarm {
    armed: Arc<Armed>,
}

impl Default for Alarm {
    fn default() -> Self {
        Alarm {
            armed: Arc::new(Armed {
                deadline_ns: AtomicU64::new(u64::MAX),
                depth: AtomicU32::new(0),
                tid: AtomicU32::new(0),
                modules: Mutex::new((Vec::new(), 0)),
            }),
        }
    }
}

impl Alarm {
    /// An alarm with no deadline.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lets runs be interrupted inside `module`'s functions. Cheap: the
    /// watchdog publishes the code's addresses only when a deadline passes.
    pub fn register(&self, module: &Module) {
        if !SUPPORTED {
            return;
        }
        if let Ok(mut m) = self.armed.modules.lock() {
            if !m.0.iter().any(|x| Module::same(x, module)) {
                m.0.push(module.clone());
            }
        }
    }

    /// Sets the deadline (`None`: no time limit).
    pub fn set(&self, deadline: Option<Instant>) {
        let ns = deadline.map_or(u64::MAX, watchdog::nanos_at);
        self.armed.deadline_ns.store(ns, Ordering::Release);
        if SUPPORTED && deadline.is_some() {
            watchdog::watch(&self.armed);
        }
    }

    /// Whether the deadline has passed.
    pub fn expired(&self) -> bool {
        self.armed.due(watchdog::nanos_at(Instant::now()))
    }

    /// Whether `error`, the failure of a run under this alarm, is its time
    /// limit: the unreachable trap the handler sends a run to, past the
    /// deadline. (Generated code never reaches an `unreachable` otherwise;
    /// a C twin's `abort` after its deadline counts as the time limit too.)
    pub fn timed_out(&self, error: &wasmtime::Error) -> bool {
        error.downcast_ref::<wasmtime::Trap>() == Some(&wasmtime::Trap::UnreachableCodeReached) && self.expired()
    }

    /// Starts a run of wasm on this thread, which the deadline may
    /// interrupt until the returned guard is dropped; `None` when the
    /// deadline has already passed (the run must not start).
    pub fn enter(&self) -> Option<Running> {
        if self.expired() {
            return None;
        }
        let mut outer = None;
        if self.armed.depth.fetch_add(1, Ordering::AcqRel) == 0 {
            self.armed.tid.store(signal::current_tid(), Ordering::Release);
            outer = Some(signal::replace_current(Arc::as_ptr(&self.armed)));
        }
        Some(Running { armed: Arc::clone(&self.armed), outer })
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        watchdog::forget(&self.armed);
        if let Ok(mut m) = self.armed.modules.lock() {
            let (modules, published) = &mut *m;
            signal::unpublish(&modules[..*published]);
            *published = 0;
            modules.clear();
        }
    }
}

/// A run of wasm in progress (see [`Alarm::enter`]).
#[derive(Debug)]
pub struct Running {
    armed: Arc<Armed>,
    /// For the outermost run of this alarm: the alarm of the run it is
    /// nested in (another machine's, or none), which it hands back.
    outer: Option<*const Armed>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.armed.depth.fetch_sub(1, Ordering::AcqRel);
        if let Some(outer) = self.outer {
            signal::replace_current(outer);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn engine() -> wasmtime::Engine {
        wasmtime::Engine::new(&crate::engine::config(None, crate::engine::Checks::None).unwrap()).unwrap()
    }

    /// Runs `func` of `wat` under an alarm of `limit`; returns whether the
    /// time limit stopped it, and how long it ran.
    fn run(wat: &str, func: &str, limit: Duration) -> (Result<(), bool>, Duration) {
        let engine = engine();
        let module = Module::new(&engine, wat).unwrap();
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = wasmtime::Instance::new(&mut store, &module, &[]).unwrap();
        let f = instance.get_typed_func::<(), ()>(&mut store, func).unwrap();
        let alarm = Alarm::new();
        alarm.register(&module);
        let t = Instant::now();
        alarm.set(Some(t + limit));
        let running = alarm.enter().unwrap();
        let res = f.call(&mut store, ());
        drop(running);
        (res.map_err(|e| alarm.timed_out(&e)), t.elapsed())
    }

    const LOOPS: &str = r#"(module
        (func (export "spin") (loop $l (br $l)))
        (func $down (param i32) (result i32)
          (if (result i32) (i32.eqz (local.get 0))
            (then (i32.const 0))
            (else (i32.add (call $down (i32.sub (local.get 0) (i32.const 1)))
                           (call $down (i32.sub (local.get 0) (i32.const 1)))))))
        (func (export "tree") (drop (call $down (i32.const 60))))
        (func (export "quick") (drop (call $down (i32.const 3))))
        (memory 256 256)
        (func (export "copies") (loop $l (memory.copy (i32.const 0) (i32.const 8) (i32.const 16000000)) (br $l)))
        (func (export "fills") (loop $l (memory.fill (i32.const 1) (i32.const 0) (i32.const 16000000)) (br $l))))"#;

    #[test]
    fn a_loop_without_checks_is_stopped_by_its_deadline() {
        if !SUPPORTED {
            return;
        }
        let (res, took) = run(LOOPS, "spin", Duration::from_millis(50));
        assert_eq!(res, Err(true), "the time limit stops the loop");
        assert!(took < Duration::from_secs(5), "stopped after {took:?}");
    }

    #[test]
    fn recursion_without_loops_is_stopped_too() {
        if !SUPPORTED {
            return;
        }
        let (res, _) = run(LOOPS, "tree", Duration::from_millis(50));
        assert_eq!(res, Err(true));
    }

    #[test]
    fn loops_that_spend_their_time_in_builtins_are_stopped_when_they_return() {
        if !SUPPORTED {
            return;
        }
        for func in ["copies", "fills"] {
            let (res, took) = run(LOOPS, func, Duration::from_millis(50));
            assert_eq!(res, Err(true), "{func}");
            assert!(took < Duration::from_secs(2), "{func} stopped after {took:?}");
        }
    }

    #[test]
    fn a_run_that_ends_in_time_is_not_disturbed() {
        let (res, _) = run(LOOPS, "quick", Duration::from_secs(60));
        assert_eq!(res, Ok(()));
    }

    #[test]
    fn no_run_starts_after_the_deadline() {
        let alarm = Alarm::new();
        alarm.set(Some(Instant::now()));
        assert!(alarm.expired());
        assert!(alarm.enter().is_none());
        alarm.set(None);
        assert!(!alarm.expired());
        assert!(alarm.enter().is_some());
    }
}
