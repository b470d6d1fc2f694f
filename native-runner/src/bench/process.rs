//! Timing a reference implementation as a whole child process: the C twin
//! at `cc -O2`, or gforth-fast.
//!
//! A time is the wall-clock time from spawning the process to its exit, so
//! it includes process start-up (about a millisecond for C, a few for
//! gforth, which also loads and compiles the source); ours is the entry
//! word's run inside an already-instantiated module. For the suite's
//! programs, which run for tenths of a second, the difference is small, and
//! it favours ours.

use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::Context as _;

/// Runs `cmd` once with no input; returns its standard output and wall
/// time. A failure to start, or a non-zero exit, is an error naming it.
pub fn run_once(cmd: &mut Command) -> anyhow::Result<(Vec<u8>, u64)> {
    let name = cmd.get_program().to_string_lossy().into_owned();
    let t = Instant::now();
    let out =
        cmd.stdin(Stdio::null()).stderr(Stdio::inherit()).output().with_context(|| format!("cannot run {name}"))?;
    let ns = t.elapsed().as_nanos() as u64;
    anyhow::ensure!(out.status.success(), "{name} exited with {}", out.status);
    Ok((out.stdout, ns))
}
