//! The machine-speed probe: a fixed piece of native work, timed beside
//! every timed iteration of a benchmark, so that a verdict can tell a
//! slower machine from slower code.
//!
//! On a shared or virtual machine the speed of the CPU itself drifts:
//! frequency steps, steal time and a neighbour on the sibling hyperthread
//! change every program's time for seconds or minutes at a time. Dividing
//! each sample by the probe timed right before it takes most of that out
//! (`baseline::normalized`): over 110 one-second runs of one build on the
//! 2-core development VM, loaded by other builds and, every other run, a
//! busy loop, the runs' medians spread by 7.8% (standard deviation) raw
//! and by 3.4% normalized; with four-second runs, by 1.6% normalized. A
//! change of the compiler or of the engine's settings cannot change the
//! probe, which is plain Rust compiled into the runner.
//!
//! Limit: the probe reads a table, so work that thrashes the caches (a
//! browser, a linker) slows it by 30% to 200% while a program that lives in
//! registers does not slow at all; on such a machine its normalized
//! medians spread by 17%. The run-level verdict then compares the runs'
//! raw minima instead, when the history shows they agree better
//! (`baseline::judge`).
//!
//! Guarantees: the work is the same on every call and every machine (a
//! dependent chain of multiplications, shifts and loads from a 64 KiB
//! table, which neither the compiler nor the CPU can skip or overlap); a
//! call takes about 40 µs on a 2020s x86_64 core.

use std::hint::black_box;
use std::time::Instant;

/// Steps of the chain per probe.
const STEPS: u32 = 10_000;
/// Entries of the table (64 KiB: within L2 everywhere).
const TABLE: usize = 16 * 1024;

/// The probe's state: its table, made once per run.
pub struct SpeedProbe {
    table: Vec<u32>,
}

impl Default for SpeedProbe {
    fn default() -> Self {
        SpeedProbe::new()
    }
}

impl SpeedProbe {
    /// A probe with its table filled.
    pub fn new() -> SpeedProbe {
        SpeedProbe { table: (0..TABLE as u32).map(|i| i.wrapping_mul(2_654_435_761)).collect() }
    }

    /// The chain from `seed`: each step depends on the one before.
    fn work(&self, seed: u32) -> u32 {
        let mut x = seed;
        for _ in 0..STEPS {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            x ^= self.table[(x >> 8) as usize % TABLE];
            x = x.wrapping_add(x >> 7);
        }
        x
    }

    /// Times one run of the work, in nanoseconds.
    pub fn time_ns(&self) -> u64 {
        let t = Instant::now();
        black_box(self.work(black_box(0x5eed)));
        t.elapsed().as_nanos() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_is_fixed() {
        let p = SpeedProbe::new();
        assert_eq!(p.work(1), p.work(1));
        assert_ne!(p.work(1), p.work(2));
        assert!(p.time_ns() > 0);
    }
}
