//! The wasmtime engine: Cranelift settings, the time limit, and the limits
//! that bound what a program may use.
//!
//! Time limits use epoch interruption: a ticker thread advances the epoch
//! every [`TICK`], and a store's deadline is a number of ticks. This costs a
//! load and a compare at function entries and loop headers, much less than
//! fuel metering.

use std::time::Duration;

use wasmtime::{Config, Engine, OptLevel};

/// How often the epoch advances.
pub const TICK: Duration = Duration::from_millis(10);

/// The most native stack wasm may use; deeper recursion is THROW -5.
pub const MAX_WASM_STACK: usize = 64 << 20;

/// The stack size of the thread that runs programs: room for
/// [`MAX_WASM_STACK`] plus the host's own frames.
pub const THREAD_STACK: usize = MAX_WASM_STACK + (64 << 20);

/// Builds the engine and starts its epoch ticker.
pub fn engine() -> anyhow::Result<Engine> {
    let mut cfg = Config::new();
    cfg.epoch_interruption(true);
    cfg.max_wasm_stack(MAX_WASM_STACK);
    // Never used (no async), but wasmtime requires it to cover the wasm stack.
    cfg.async_stack_size(MAX_WASM_STACK + (1 << 20));
    cfg.cranelift_opt_level(OptLevel::Speed);
    let engine = Engine::new(&cfg)?;
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
    fn deadlines_round_up_to_ticks() {
        assert_eq!(deadline_ticks(Some(10.0)), Some(1000));
        assert_eq!(deadline_ticks(Some(0.001)), Some(1));
        assert_eq!(deadline_ticks(Some(0.0)), None);
        assert_eq!(deadline_ticks(None), None);
    }
}
