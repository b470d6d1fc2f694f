//! A sampling profiler for one call of a module's entry word: which wasm
//! function is running, sampled at a fixed wall-clock interval.
//!
//! How: a ticker thread advances the engine's epoch every `interval`, and
//! the store's epoch deadline, one tick ahead, calls back into the runner
//! instead of trapping. The callback captures the wasm stack
//! (`wasmtime::WasmBacktrace`) and counts a hit for its innermost frame,
//! named from the module's name section (the compiler names each function
//! after its word; the memory-stack variant `W (memory)` counts as `W`).
//!
//! Bias (as in `wasmtime::GuestProfiler`, which uses the same mechanism):
//! Cranelift checks the epoch only at function entries and loop headers, so
//! a tick is seen at the next such point, and time in host calls is never
//! sampled. The engine's own 10 ms ticker keeps running, so a few samples
//! come from it. The sampled run is always compiled with the epoch checks
//! (it cannot sample without them), which other runs leave out, so it is
//! slower than they are; the time limit (`--timeout`) is enforced by the
//! callback.
//!
//! Guarantees: the program runs once, on a fresh machine, with its output
//! discarded; the ticker thread stops before [`sample`] returns.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::console::Console;
use crate::session::{Limits, Session};

/// What the sampler saw.
#[derive(Debug, Default)]
pub struct Samples {
    /// Samples by the word of the innermost frame.
    pub by_word: HashMap<String, u64>,
    /// All samples.
    pub total: u64,
    /// Wall time of the sampled run.
    pub elapsed: Duration,
}

/// The word a function is named after.
fn word_of(func_name: &str) -> &str {
    func_name.strip_suffix(" (memory)").unwrap_or(func_name)
}

/// Runs the entry word of `module` once, sampling every `interval`.
pub fn sample(module: &[u8], limits: &Limits, interval: Duration) -> anyhow::Result<Samples> {
    // Sampling needs the epoch checks, which runs leave out (a time limit
    // interrupts them by signal): the sampled run has them, with a limit
    // only if one was asked for, enforced by the callback.
    let engine = crate::engine::engine(crate::engine::Checks::Epoch)?;
    let (mut s, info) = Session::boot_image_on(&engine, limits, Console::silent(), module)?;
    let hits: Arc<Mutex<Samples>> = Arc::default();
    let deadline = (limits.timeout > 0.0).then(|| Instant::now() + Duration::from_secs_f64(limits.timeout));
    let seen = Arc::clone(&hits);
    let store = &mut s.machine.0;
    store.epoch_deadline_callback(move |ctx| {
        if deadline.is_some_and(|d| Instant::now() > d) {
            return Err(wasmtime::Trap::Interrupt.into());
        }
        let bt = wasmtime::WasmBacktrace::capture(&ctx);
        if let (Some(f), Ok(mut h)) = (bt.frames().first(), seen.lock()) {
            let name = f.func_name().map_or_else(|| format!("func {}", f.func_index()), |n| word_of(n).to_string());
            *h.by_word.entry(name).or_default() += 1;
            h.total += 1;
        }
        Ok(wasmtime::UpdateDeadline::Continue(1))
    });
    store.set_epoch_deadline(1);
    let engine = store.engine().clone();
    let stop = Arc::new(AtomicBool::new(false));
    let ticking = Arc::clone(&stop);
    let ticker = std::thread::Builder::new().name("profile-ticker".into()).spawn(move || {
        while !ticking.load(Ordering::Relaxed) {
            std::thread::sleep(interval);
            engine.increment_epoch();
        }
    })?;
    let start = Instant::now();
    let res = s.forth.run_xt(&mut s.machine, info.entry_xt);
    let elapsed = start.elapsed();
    stop.store(true, Ordering::Relaxed);
    let _ = ticker.join();
    res.map_err(|e| crate::counting::stop_error(e, "the sampled run"))?;
    let mut out = std::mem::take(&mut *hits.lock().map_err(|_| anyhow::anyhow!("the sampler panicked"))?);
    out.elapsed = elapsed;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_variants_count_as_their_word() {
        assert_eq!(word_of("SQ (memory)"), "SQ");
        assert_eq!(word_of("MAIN"), "MAIN");
    }
}
