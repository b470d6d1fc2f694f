//! The wasmtime engine: Cranelift settings, the checks compiled for time
//! limits, and the limits that bound what a program may use.
//!
//! Time limits need no checks in the code on Linux (x86_64, aarch64): a
//! run past its deadline is interrupted by a signal (`interrupt`). Where
//! that is not supported they use epoch interruption: a ticker thread
//! advances the epoch every [`TICK`], and a store's deadline is a number of
//! ticks, at the cost of a load and a compare at every function entry and
//! loop header (1.2 to 1.9 times on call-heavy programs). The sampling
//! profiler needs the epoch checks everywhere. Every other setting is the
//! one measured best in benchmarks/README.md ("The engine's configuration").

pub mod experiment;

use std::time::Duration;

use wasmtime::{Config, Engine, OptLevel};

/// How often the epoch advances.
pub const TICK: Duration = Duration::from_millis(10);

/// The most native stack wasm may use; deeper recursion is THROW -5.
pub const MAX_WASM_STACK: usize = 64 << 20;

/// The stack size of the thread that runs programs: room for
/// [`MAX_WASM_STACK`] plus the host's own frames.
pub const THREAD_STACK: usize = MAX_WASM_STACK + (64 << 20);

/// The Cranelift optimization level every engine uses, as reports name it.
pub const CRANELIFT_OPT_LEVEL: &str = "speed";

/// The target triple this runner was built for (and compiles for by default).
pub const HOST_TARGET: &str = env!("FASTFORTH_TARGET");

/// What compiled code checks so that a run can be stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checks {
    /// Nothing: a time limit interrupts the code by signal (`interrupt`).
    None,
    /// Epoch checks at every function entry and loop header.
    Epoch,
}

impl Checks {
    /// The checks this host needs for runs with a time limit (`limited`)
    /// or without one: epoch checks only for a time limit on a host where
    /// signals cannot interrupt wasm.
    pub fn for_time_limit(limited: bool) -> Checks {
        Self::on(limited, crate::interrupt::SUPPORTED)
    }

    /// The checks a runner on `target` (a triple) needs for runs with a
    /// time limit: what `build --aot --target` compiles.
    pub fn for_target(target: &str) -> Checks {
        let supported = target.contains("-linux") && (target.starts_with("x86_64-") || target.starts_with("aarch64-"));
        Self::on(true, supported)
    }

    /// The name reports give these checks: `none` or `epoch`.
    pub fn name(self) -> &'static str {
        match self {
            Checks::None => "none",
            Checks::Epoch => "epoch",
        }
    }

    fn on(limited: bool, signals: bool) -> Checks {
        match limited && !signals {
            true => Checks::Epoch,
            false => Checks::None,
        }
    }
}

/// The engine configuration shared by running and ahead-of-time compiling;
/// `target` (a triple) cross-compiles, `None` means this host with its CPU
/// features. Code compiled under one configuration loads only under an
/// equal one (wasmtime checks this; the module cache keys on it).
/// `FASTFORTH_ENGINE` ([`experiment`]) changes settings for measurements.
pub fn config(target: Option<&str>, checks: Checks) -> anyhow::Result<Config> {
    let mut cfg = Config::new();
    cfg.epoch_interruption(checks == Checks::Epoch);
    // Definitions that end by calling another word use `return_call`. The
    // proposal costs nothing: wasmtime compiles every wasm function with
    // Cranelift's tail calling convention whether it is on or not (the
    // machine code of a module without `return_call` is the same).
    cfg.wasm_tail_call(true);
    // The stack check at every function entry stays whatever the size: it
    // is how wasmtime traps deep recursion (THROW -5).
    cfg.max_wasm_stack(MAX_WASM_STACK);
    // Never used (no async), but wasmtime requires it to cover the wasm stack.
    cfg.async_stack_size(MAX_WASM_STACK + (1 << 20));
    // `speed_and_size` gives the same code; Cranelift's inlining (off) and
    // every other setting are wasmtime's defaults, each measured against
    // its alternatives (benchmarks/README.md). In particular the default
    // 4 GiB memory reservation and signals-based traps leave no bounds
    // checks in the code of our 32-bit memories.
    cfg.cranelift_opt_level(OptLevel::Speed);
    // A linked program's data lies in a few small runs far apart (the
    // dictionary low, the heap's header near 13 MB, a cell near 16 MB).
    // wasmtime's default makes a dense copy-on-write image of any span up
    // to 16 MiB, which put 16 MB of zeros into every compiled module and
    // cache entry; with no guaranteed size its density heuristic copies such
    // sparse data at instantiation instead (a few kilobytes), and modules
    // with dense data still get their image.
    cfg.memory_guaranteed_dense_image_size(0);
    if let Some(spec) = experiment::from_env() {
        experiment::apply(&mut cfg, &spec)?;
    }
    if let Some(t) = target {
        cfg.target(t).map_err(|e| anyhow::anyhow!("unsupported target {t}: {e}"))?;
    }
    Ok(cfg)
}

/// An engine that only compiles, for `target`; runs no ticker. Its code
/// has the checks a runner there needs, so a `.cwasm` obeys every time limit.
pub fn compiler_for(target: &str) -> anyhow::Result<Engine> {
    Ok(Engine::new(&config(Some(target), Checks::for_target(target))?)?)
}

/// The CPU features Cranelift detects and uses on this host (the ones its
/// native backend probes), in a stable order.
pub fn host_cpu_features() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut v: Vec<&'static str> = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => { $( if std::arch::is_x86_feature_detected!($f) { v.push($f); } )* };
        }
        probe!(
            "sse3",
            "ssse3",
            "sse4.1",
            "sse4.2",
            "popcnt",
            "avx",
            "avx2",
            "fma",
            "bmi1",
            "bmi2",
            "lzcnt",
            "avx512f",
            "avx512vl",
            "avx512dq",
            "avx512bitalg",
            "avx512vbmi"
        );
    }
    #[cfg(target_arch = "aarch64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => { $( if std::arch::is_aarch64_feature_detected!($f) { v.push($f); } )* };
        }
        probe!("lse", "paca", "fp16");
    }
    v
}

/// Builds the engine for this host; one with epoch checks also gets its
/// epoch ticker, without which epoch deadlines would have no effect.
pub fn engine(checks: Checks) -> anyhow::Result<Engine> {
    let engine = Engine::new(&config(None, checks)?)?;
    if checks == Checks::None {
        return Ok(engine);
    }
    let ticker = engine.weak();
    std::thread::Builder::new().name("epoch".into()).spawn(move || {
        while let Some(e) = ticker.upgrade() {
            drop(e);
            std::thread::sleep(TICK);
            match ticker.upgrade() {
                Some(e) => e.increment_epoch(),
                None => break,
            }
        }
    })?;
    Ok(engine)
}

/// The deadline in ticks for a time limit in seconds (`None` or 0: none).
pub fn deadline_ticks(seconds: Option<f64>) -> Option<u64> {
    let s = seconds.filter(|s| *s > 0.0)?;
    Some(((s * 1000.0) / TICK.as_millis() as f64).ceil().max(1.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_checks_only_where_signals_cannot_interrupt() {
        assert_eq!(Checks::for_time_limit(false), Checks::None);
        let limited = if crate::interrupt::SUPPORTED { Checks::None } else { Checks::Epoch };
        assert_eq!(Checks::for_time_limit(true), limited);
        assert_eq!(Checks::for_target("aarch64-unknown-linux-gnu"), Checks::None);
        assert_eq!(Checks::for_target("x86_64-unknown-linux-musl"), Checks::None);
        assert_eq!(Checks::for_target("x86_64-apple-darwin"), Checks::Epoch);
        assert_eq!(Checks::for_target("riscv64gc-unknown-linux-gnu"), Checks::Epoch);
    }

    #[test]
    fn deadlines_round_up_to_ticks() {
        assert_eq!(deadline_ticks(Some(10.0)), Some(1000));
        assert_eq!(deadline_ticks(Some(0.001)), Some(1));
        assert_eq!(deadline_ticks(Some(0.0)), None);
        assert_eq!(deadline_ticks(None), None);
    }
}
