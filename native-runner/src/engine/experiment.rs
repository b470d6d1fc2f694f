//! Engine settings other than the chosen ones, for measuring the engine's
//! configuration side by side: the environment variable
//! [`VAR`] (`FASTFORTH_ENGINE`) holds `key=value` pairs separated by commas,
//! applied on top of the defaults by [`super::config`]. It is a tool for
//! `benchmarks/engine-config.mjs` and for anyone who wants to measure a
//! choice again, not a setting to run programs with: `bench` reports record
//! it (`options.engine_experiment`).
//!
//! Keys (booleans are `0` or `1`):
//! - `epoch`: compile the epoch checks (without the ticker: only their
//!   cost; time limits still interrupt by signal);
//! - `inlining`: Cranelift's inlining of small wasm functions;
//! - `regalloc`: `backtracking` or `single_pass`;
//! - `opt_level`: `speed`, `speed_and_size` or `none`;
//! - `signals_based_traps`: 0 makes every bounds and stack check explicit
//!   (and turns off the Spectre mitigations, as wasmtime then requires);
//! - `spectre`: Cranelift's Spectre mitigations of heap and table accesses;
//! - `memory_reservation`, `memory_guard_size`: in bytes;
//! - `table_lazy_init`: wasmtime's lazy initialization of tables;
//! - `nan_canonicalization`;
//! - `function_alignment_log2`: the least alignment of functions;
//! - `tail_call`: the tail-call proposal (modules that use `return_call`
//!   then fail to compile).
//!
//! Guarantee: an unknown key or a bad value is an error naming it, never
//! ignored, so a measurement never silently runs the defaults.

use wasmtime::{Config, Inlining, OptLevel, RegallocAlgorithm};

/// The environment variable read by [`from_env`].
pub const VAR: &str = "FASTFORTH_ENGINE";

/// The settings in the environment, if any.
pub fn from_env() -> Option<String> {
    std::env::var(VAR).ok().filter(|s| !s.trim().is_empty())
}

fn flag(key: &str, v: &str) -> anyhow::Result<bool> {
    match v {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => anyhow::bail!("{VAR}: {key} takes 0 or 1, not {v:?}"),
    }
}

fn bytes(key: &str, v: &str) -> anyhow::Result<u64> {
    v.parse().map_err(|_| anyhow::anyhow!("{VAR}: {key} takes a number of bytes, not {v:?}"))
}

/// Applies `spec` (`key=value,...`) to `cfg`.
pub fn apply(cfg: &mut Config, spec: &str) -> anyhow::Result<()> {
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (key, v) = item.split_once('=').ok_or_else(|| anyhow::anyhow!("{VAR}: {item:?} is not key=value"))?;
        match key {
            "epoch" => {
                cfg.epoch_interruption(flag(key, v)?);
            }
            "inlining" => {
                cfg.compiler_inlining(if flag(key, v)? { Inlining::Yes } else { Inlining::No });
            }
            "regalloc" => {
                cfg.cranelift_regalloc_algorithm(match v {
                    "backtracking" => RegallocAlgorithm::Backtracking,
                    "single_pass" => RegallocAlgorithm::SinglePass,
                    _ => anyhow::bail!("{VAR}: regalloc takes backtracking or single_pass, not {v:?}"),
                });
            }
            "opt_level" => {
                cfg.cranelift_opt_level(match v {
                    "speed" => OptLevel::Speed,
                    "speed_and_size" => OptLevel::SpeedAndSize,
                    "none" => OptLevel::None,
                    _ => anyhow::bail!("{VAR}: opt_level takes speed, speed_and_size or none, not {v:?}"),
                });
            }
            "signals_based_traps" => {
                let on = flag(key, v)?;
                cfg.signals_based_traps(on);
                if !on {
                    spectre(cfg, false);
                }
            }
            "spectre" => spectre(cfg, flag(key, v)?),
            "memory_reservation" => {
                cfg.memory_reservation(bytes(key, v)?);
            }
            "memory_guard_size" => {
                cfg.memory_guard_size(bytes(key, v)?);
            }
            "table_lazy_init" => {
                cfg.table_lazy_init(flag(key, v)?);
            }
            "nan_canonicalization" => {
                cfg.cranelift_nan_canonicalization(flag(key, v)?);
            }
            "function_alignment_log2" => {
                let n: u8 = v.parse().map_err(|_| anyhow::anyhow!("{VAR}: {key} takes a small number, not {v:?}"))?;
                // SAFETY: a Cranelift setting that only aligns code.
                unsafe {
                    cfg.cranelift_flag_set("log2_min_function_alignment", &n.to_string());
                }
            }
            "tail_call" => {
                cfg.wasm_tail_call(flag(key, v)?);
            }
            _ => anyhow::bail!("{VAR}: unknown setting {key:?} (see native-runner/src/engine/experiment.rs)"),
        }
    }
    Ok(())
}

fn spectre(cfg: &mut Config, on: bool) {
    let v = if on { "true" } else { "false" };
    // SAFETY: Cranelift settings that only add or drop mitigations; wasmtime
    // checks them against `signals_based_traps` when the engine is built.
    unsafe {
        cfg.cranelift_flag_set("enable_heap_access_spectre_mitigation", v);
        cfg.cranelift_flag_set("enable_table_access_spectre_mitigation", v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_applies_and_builds_an_engine() {
        let mut cfg = Config::new();
        let spec = "epoch=1, inlining=1, regalloc=single_pass, opt_level=speed_and_size, signals_based_traps=0, \
                    memory_reservation=16777216, memory_guard_size=0, table_lazy_init=0, nan_canonicalization=1, \
                    function_alignment_log2=6, tail_call=1";
        apply(&mut cfg, spec).unwrap();
        wasmtime::Engine::new(&cfg).unwrap();
    }

    #[test]
    fn bad_settings_are_errors_that_name_them() {
        for (spec, says) in [
            ("frobnicate=1", "unknown setting \"frobnicate\""),
            ("epoch=yes", "epoch takes 0 or 1"),
            ("regalloc=linear", "regalloc takes"),
            ("memory_reservation=lots", "memory_reservation takes a number"),
            ("epoch", "is not key=value"),
        ] {
            let err = apply(&mut Config::new(), spec).unwrap_err().to_string();
            assert!(err.contains(says), "{spec}: {err}");
        }
    }
}
