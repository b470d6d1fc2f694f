//! Counted and timed runs of a program's entry word, shared by `predict`,
//! `calibrate` and `profile`.
//!
//! A *counted run* loads the program, links it twice (the module `build`
//! would write, and an instrumented copy with a counter per block and per
//! function entry, see `compiler::cost`), runs the instrumented copy's entry
//! word once on a fresh machine and reads the counters back. A *timed run*
//! boots the uninstrumented module on a fresh machine and times only the
//! call of the entry word (not loading, compiling or instantiating), in
//! CPU time of the running thread where the OS provides it (Linux and other
//! Unix systems), so that other processes on a shared machine do not count;
//! elsewhere in wall-clock time. Program output is discarded in both.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use compiler::cost::counted::{self, Counted};
use compiler::cost::{self, Features};
use compiler::remarks::WordRemarks;
use compiler::Stop;

use crate::console::Console;
use crate::session::{Limits, Session};

/// What a counted run found.
pub struct CountedRun {
    /// The entry word.
    pub entry: String,
    /// The module `build` would write for the program.
    pub module: Vec<u8>,
    /// Linear memory size of the module.
    pub memory_bytes: u32,
    /// Each word's calls and executed ops, and the data space in use.
    pub counted: Counted,
    /// Executed ops of the whole run, by class.
    pub features: Features,
    /// What the optimizer did to each definition (for the suggestions).
    pub remarks: Vec<WordRemarks>,
}

/// A stopped run as an error: `WHAT executed BYE` or `WHAT failed: ...`.
pub fn stop_error(stop: Stop, what: &str) -> anyhow::Error {
    match stop {
        Stop::Bye => anyhow::anyhow!("{what} executed BYE"),
        Stop::Quit => anyhow::anyhow!("{what} executed QUIT"),
        Stop::Error(d) => anyhow::anyhow!("{what} failed: {d}"),
    }
}

/// Loads `files` and links them, plainly and instrumented, then runs the
/// instrumented entry word once.
pub fn counted_run(files: &[PathBuf], entry: Option<String>, limits: &Limits) -> anyhow::Result<CountedRun> {
    let mut s = Session::boot(limits, Console::silent())?;
    s.arm_timeout(limits);
    for f in files {
        s.forth.include_file(&mut s.machine, &f.to_string_lossy()).map_err(|e| stop_error(e, "loading"))?;
    }
    s.forth.end_of_input().map_err(|e| stop_error(e, "loading"))?;
    let mut opts = s.link_options(entry.as_deref());
    let plain = s.forth.link(&mut s.machine, &opts).map_err(|d| anyhow::anyhow!("{d}"))?;
    opts.instrument = true;
    opts.options.push(("instrumented".into(), "true".into()));
    let counted = s.forth.link(&mut s.machine, &opts).map_err(|d| anyhow::anyhow!("{d}"))?;
    let counters = counted.counters.expect("an instrumented link has counters");

    let (mut r, info) = Session::boot_image(limits, Console::silent(), &counted.bytes)?;
    r.arm_timeout(limits);
    r.forth.run_xt(&mut r.machine, info.entry_xt).map_err(|e| stop_error(e, &format!("running {}", plain.entry)))?;
    let counted =
        counted::read(&mut r.machine, &counters).map_err(|f| anyhow::anyhow!("cannot read the counters: {f:?}"))?;
    let features = cost::total(&counted.words);
    // After both links, as the playground asks for them, so that nothing
    // explain emits can change what was linked.
    let remarks = s.forth.explain(None).unwrap_or_default();
    Ok(CountedRun {
        entry: plain.entry,
        module: plain.bytes,
        memory_bytes: info.memory_bytes,
        counted,
        features,
        remarks,
    })
}

/// A point in time of the running thread: its CPU time where available.
#[derive(Clone, Copy)]
pub struct Stopwatch(Result<Duration, Instant>);

impl Stopwatch {
    /// Starts timing.
    pub fn start() -> Stopwatch {
        Stopwatch(thread_cpu_time().ok_or_else(Instant::now))
    }

    /// Time since the start.
    pub fn elapsed(&self) -> Duration {
        match self.0 {
            Ok(cpu) => thread_cpu_time().map_or(Duration::ZERO, |now| now.saturating_sub(cpu)),
            Err(wall) => wall.elapsed(),
        }
    }
}

#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime only writes the timespec it is given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

/// Times `runs` calls of a module's entry word, each on a freshly booted
/// machine (see the module doc for the clock).
pub fn timed_runs(module: &[u8], limits: &Limits, runs: usize) -> anyhow::Result<Vec<Duration>> {
    let mut out = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (mut s, info) = Session::boot_image(limits, Console::silent(), module)?;
        s.arm_timeout(limits);
        let start = Stopwatch::start();
        s.forth.run_xt(&mut s.machine, info.entry_xt).map_err(|e| stop_error(e, "the timed run"))?;
        out.push(start.elapsed());
    }
    Ok(out)
}

/// The median of durations, in nanoseconds.
pub fn median_ns(d: &[Duration]) -> f64 {
    let mut v: Vec<f64> = d.iter().map(|x| x.as_nanos() as f64).collect();
    compiler::stats::median(&mut v)
}
