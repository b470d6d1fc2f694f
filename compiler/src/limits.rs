//! The limits and the optimization level a host gives a Forth system, as one
//! plain value: what the browser's session and the playground's settings
//! carry, with the same names, defaults and ranges as the options of
//! `native-runner run` (`--memory`, `--data-stack`, `--return-stack`,
//! `--float-stack`, `--max-input`, `--max-nesting`, `-O`).
//!
//! Guarantees: [`Limits::check`] refuses every value the native options
//! refuse, naming the option; [`Limits::config`] gives the [`Config`] that
//! `native-runner` builds from the same options (so both hosts link the
//! same module from the same source); a missing field takes its default.

use serde::{Deserialize, Serialize};

use crate::Config;

/// Default memory size, in MiB (`--memory`).
pub const DEFAULT_MEMORY_MIB: u32 = 16;
/// The range of `--memory`, in MiB: wasm32 memory is below 4 GiB.
pub const MEMORY_RANGE: std::ops::RangeInclusive<u32> = 1..=4095;
/// The least `--data-stack`, in cells: the words written in Forth that boot
/// the system need a few.
pub const MIN_DATA_STACK_CELLS: u32 = 16;
/// Default data and return stack capacity, in cells.
pub const DEFAULT_STACK_CELLS: u32 = 16384;
/// Default largest source text, in MiB (`--max-input`).
pub const DEFAULT_MAX_INPUT_MIB: u32 = 64;
/// The range of `--max-input`, in MiB.
pub const MAX_INPUT_RANGE: std::ops::RangeInclusive<u32> = 1..=4096;
/// Default deepest nesting of input sources (`--max-nesting`).
pub const DEFAULT_MAX_NESTING: u32 = 64;
/// The range of `--max-nesting`.
pub const MAX_NESTING_RANGE: std::ops::RangeInclusive<u32> = 1..=1000;
/// Default optimization level (`-O`).
pub const DEFAULT_OPT_LEVEL: u8 = crate::pipeline::DEFAULT_LEVEL;
/// The highest optimization level.
pub const MAX_OPT_LEVEL: u8 = (crate::pipeline::LEVELS.len() - 1) as u8;

/// A system's limits and optimization level. Field names are the native
/// options' names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Linear memory size in MiB: data space, buffers and stacks.
    pub memory: u32,
    /// Data stack capacity in cells.
    pub data_stack: u32,
    /// Return stack capacity in cells.
    pub return_stack: u32,
    /// Floating-point stack capacity in floats.
    pub float_stack: u32,
    /// The largest source text, or file read by `INCLUDED`, in MiB.
    pub max_input: u32,
    /// How deeply input sources may nest (`INCLUDED`, `EVALUATE`).
    pub max_nesting: u32,
    /// Optimization level, 0 to 3.
    pub opt_level: u8,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            memory: DEFAULT_MEMORY_MIB,
            data_stack: DEFAULT_STACK_CELLS,
            return_stack: DEFAULT_STACK_CELLS,
            float_stack: runtime::DEFAULT_FLOAT_STACK,
            max_input: DEFAULT_MAX_INPUT_MIB,
            max_nesting: DEFAULT_MAX_NESTING,
            opt_level: DEFAULT_OPT_LEVEL,
        }
    }
}

impl Limits {
    /// Parses limits from JSON text; missing fields take their defaults.
    pub fn from_json(text: &str) -> Result<Limits, String> {
        let l: Limits = serde_json::from_str(text).map_err(|e| format!("bad settings: {e}"))?;
        l.check()?;
        Ok(l)
    }

    /// Refuses what the native options refuse, with the option's name.
    pub fn check(&self) -> Result<(), String> {
        let range = |name: &str, v: u32, r: std::ops::RangeInclusive<u32>| {
            if r.contains(&v) {
                Ok(())
            } else {
                Err(format!("invalid value {v} for --{name}: {v} is not in {}..={}", r.start(), r.end()))
            }
        };
        range("max-input", self.max_input, MAX_INPUT_RANGE)?;
        range("max-nesting", self.max_nesting, MAX_NESTING_RANGE)?;
        range("opt-level", u32::from(self.opt_level), 0..=u32::from(MAX_OPT_LEVEL))?;
        range("memory", self.memory, MEMORY_RANGE)?;
        if self.data_stack < MIN_DATA_STACK_CELLS {
            return Err(format!(
                "invalid value {} for --data-stack: the system needs at least {MIN_DATA_STACK_CELLS} cells",
                self.data_stack
            ));
        }
        // The memory map checks the sizes again when the system boots;
        // checking here gives the error before any work, in the options'
        // own terms.
        let layout = self.config().layout;
        if layout.validate().is_err() {
            let need = layout.min_memory_bytes().div_ceil(1 << 20);
            return Err(format!(
                "--memory {} MiB is too small for --data-stack {}, --return-stack {} and --float-stack {}: \
                 they need --memory {need} or more{}",
                self.memory,
                self.data_stack,
                self.return_stack,
                self.float_stack,
                if need > u64::from(*MEMORY_RANGE.end()) { ", which is over the largest memory" } else { "" }
            ));
        }
        Ok(())
    }

    /// The largest source text, in bytes.
    pub fn max_input_bytes(&self) -> u64 {
        u64::from(self.max_input) << 20
    }

    /// The system's settings, as `native-runner` makes them from the same
    /// options (the `-O` level's, from [`crate::pipeline::LEVELS`]).
    pub fn config(&self) -> Config {
        let layout = runtime::Layout::new(self.memory.saturating_mul(1 << 20), self.data_stack, self.return_stack)
            .with_float_stack(self.float_stack);
        crate::pipeline::Level::of(self.opt_level).apply(Config {
            layout,
            max_input_depth: self.max_nesting as usize,
            ..Config::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_native_defaults() {
        let l = Limits::default();
        let c = l.config();
        assert_eq!(c.layout, runtime::Layout::default());
        assert_eq!(c.max_input_depth, Config::default().max_input_depth);
        assert!(c.optimize && c.inline && c.tail_loops && c.vectorize && c.unroll == 4);
        assert_eq!(l.max_input_bytes(), 64 << 20);
        assert_eq!(Limits::from_json("{}").unwrap(), l);
    }

    #[test]
    fn bad_values_name_the_option() {
        let e = |json: &str| Limits::from_json(json).unwrap_err();
        assert_eq!(e(r#"{"max_nesting":0}"#), "invalid value 0 for --max-nesting: 0 is not in 1..=1000");
        assert_eq!(e(r#"{"max_input":5000}"#), "invalid value 5000 for --max-input: 5000 is not in 1..=4096");
        assert_eq!(e(r#"{"opt_level":4}"#), "invalid value 4 for --opt-level: 4 is not in 0..=3");
        assert_eq!(
            e(r#"{"memory":1}"#),
            "--memory 1 MiB is too small for --data-stack 16384, --return-stack 16384 and --float-stack 1024: \
             they need --memory 3 or more"
        );
        assert_eq!(
            e(r#"{"float_stack":4000000000}"#),
            "--memory 16 MiB is too small for --data-stack 16384, --return-stack 16384 and --float-stack \
             4000000000: they need --memory 30520 or more, which is over the largest memory"
        );
        assert_eq!(e(r#"{"memory":4096}"#), "invalid value 4096 for --memory: 4096 is not in 1..=4095");
        assert_eq!(e(r#"{"data_stack":1}"#), "invalid value 1 for --data-stack: the system needs at least 16 cells");
        assert!(Limits::from_json(r#"{"data_stack":16}"#).is_ok());
        assert!(e(r#"{"stack":1}"#).starts_with("bad settings: unknown field `stack`"));
        assert!(e("[").starts_with("bad settings"));
    }

    #[test]
    fn levels_below_two_turn_the_passes_off() {
        let c = Limits { opt_level: 0, ..Limits::default() }.config();
        assert!(!c.optimize && !c.inline && !c.tail_loops && !c.vectorize && c.unroll == 1);
        let c = Limits { opt_level: 1, ..Limits::default() }.config();
        assert!(c.optimize && !c.inline);
    }
}
