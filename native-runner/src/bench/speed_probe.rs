//! The machine-speed probe: a fixed piece of native work, timed beside
//! every timed iteration of a benchmark, so that a verdict can tell a
//! slower machine from slower code.
//!
//! On a shared or virtual machine the speed of the CPU itself drifts:
//! frequency steps, steal time and neighbours' cache use change every
//! program's time by the same factor for minutes at a time, while the
//! fast iterations of one run stay close together. Measured on the 2-core
//! development VM, the 10th percentile of one benchmark and of this probe
//! moved together through four such steps (probe 83.6 µs → 98.6 µs,
//! +18%; benchmark 757 µs → 893 µs, +18%), so their ratio stayed within
//! 1%. Comparing runs in units of the probe removes that drift; a change
//! of the compiler or of the engine's settings cannot change the probe,
//! which is plain Rust compiled into the runner.
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

/// The factor that brings times measured at `from`'s speed to `to`'s: the
/// ratio of the probes' `q` quantiles (`to / from`). `None` when either
/// side has no probe samples (reports of older runners).
pub fn speed_factor(from: &[u64], to: &[u64], q: f64) -> Option<f64> {
    if from.is_empty() || to.is_empty() {
        return None;
    }
    let (f, t) = (super::verdict::quantile(from, q), super::verdict::quantile(to, q));
    (f > 0.0 && t > 0.0).then(|| t / f)
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

    #[test]
    fn factors_compare_quantiles() {
        assert_eq!(speed_factor(&[100, 100, 100], &[120, 120, 120], 0.5), Some(1.2));
        assert_eq!(speed_factor(&[], &[120], 0.5), None);
        assert_eq!(speed_factor(&[100], &[], 0.5), None);
    }
}
