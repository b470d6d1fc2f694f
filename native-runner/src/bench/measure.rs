//! Measuring one program under one configuration.
//!
//! Phases, each timed once per program and configuration:
//! - `front_end`: loading the source (outer interpreter, IR, passes,
//!   emission of each definition) and linking it into one module; for a
//!   built module, reading the file;
//! - `compile`: Cranelift compiling the module (`Engine::precompile_module`,
//!   always cold: the cache is not consulted);
//! - `cache_load`: loading that code back (from the module cache when one
//!   is in use: read, checksum, deserialize; otherwise deserialize only);
//! - `instantiate`: the median, over every iteration, of instantiating the
//!   compiled module in a fresh store.
//!
//! Iteration isolation: every iteration (the cold one, the warm-up and the
//! steady ones) runs on a fresh store with a fresh instance of the same
//! compiled module, so linear memory, globals and the table start from the
//! module's snapshot each time; instantiation and dictionary setup are not
//! timed. Only the entry word's execution is: from the call to its return,
//! including its output, which goes to memory and is compared afterwards.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::Context as _;
use compiler::{Forth, ImageInfo, Stop};
use wasmtime::{Engine, Module};

use super::speed_probe::SpeedProbe;
use super::targets::Program;
use crate::console::Console;
use crate::machine::NativeMachine;
use crate::module_cache::{Lookup, ModuleCache};
use crate::session::{Limits, Session};
use crate::{aot, engine};

/// How many iterations to run.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Untimed iterations after the cold one.
    pub warmup: u32,
    /// Timed iterations (at least this many, also with `time`).
    pub iterations: u32,
    /// Keep sampling until this many seconds of samples were taken.
    pub time: Option<f64>,
    /// The word to time [default: the module's entry].
    pub entry: Option<String>,
}

impl Plan {
    /// Whether `samples` complete the plan: at least `iterations` of them
    /// (and at least one), adding up to `time` seconds when it is given.
    /// Ours and the references stop by the same rule.
    pub fn enough(&self, samples: &[u64]) -> bool {
        samples.len() as u32 >= self.iterations.max(1)
            && self.time.is_none_or(|s| samples.iter().sum::<u64>() as f64 / 1e9 >= s)
    }
}

/// The raw measurements of one program under one configuration.
pub struct Measured {
    /// The entry word.
    pub entry: String,
    /// The sources of the code: for a source target the file itself, for a
    /// module the ones its provenance section records, in load order.
    pub sources: Vec<SourceRef>,
    /// The linked module.
    pub module: Vec<u8>,
    /// Phase times.
    pub phases: BTreeMap<String, u64>,
    /// The first iteration.
    pub cold_ns: u64,
    /// The steady-state samples.
    pub samples: Vec<u64>,
    /// The machine-speed probe's time beside each sample (`speed_probe`).
    pub probe: Vec<u64>,
    /// The largest linear memory seen, in pages.
    pub pages: u64,
    /// The compiler options recorded in the module.
    pub options: BTreeMap<String, String>,
}

/// A source file of the timed code and its sha256 (hex).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SourceRef {
    /// The file as given to the compiler.
    pub file: String,
    /// The sha256 of its bytes when it was compiled.
    pub sha256: String,
}

/// The module's provenance section, parsed, if it has one.
fn provenance(module: &[u8]) -> Option<serde_json::Value> {
    compiler::link::custom_section(module, compiler::link::PROVENANCE_SECTION)
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
}

/// The sources a module records in its provenance section.
fn recorded_sources(doc: Option<&serde_json::Value>) -> Vec<SourceRef> {
    let list = doc.and_then(|d| d.get("sources")).and_then(|v| v.as_array());
    list.into_iter()
        .flatten()
        .filter_map(|s| {
            Some(SourceRef {
                file: s.get("name")?.as_str()?.to_string(),
                sha256: s.get("sha256")?.as_str()?.to_string(),
            })
        })
        .collect()
}

/// The compiler options a module records in its provenance section (its
/// `options`, `layout` and `passes`), flattened to strings; empty when it
/// has none.
pub fn recorded_options(doc: Option<&serde_json::Value>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in ["options", "layout", "passes"] {
        if let Some(obj) = doc.and_then(|d| d.get(key)).and_then(|v| v.as_object()) {
            for (k, v) in obj {
                out.insert(k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string));
            }
        }
    }
    out
}

/// The linked module, its compiler options and its sources, for a source or
/// a module.
fn front_end(prog: &Program, limits: &Limits, entry: Option<&str>) -> anyhow::Result<(Vec<u8>, Recorded)> {
    if prog.is_module {
        let bytes = std::fs::read(&prog.file).with_context(|| format!("cannot read {}", prog.file.display()))?;
        let artifact = match aot::is_packed(&bytes) {
            true => aot::unpack(&bytes).map_err(anyhow::Error::msg)?.artifact.to_vec(),
            false => bytes,
        };
        let doc = provenance(&artifact);
        let recorded = (recorded_options(doc.as_ref()), recorded_sources(doc.as_ref()));
        return Ok((artifact, recorded));
    }
    let (console, _) = Console::capture();
    let mut s = Session::boot(limits, console)?;
    s.arm_timeout(limits);
    if s.load(std::slice::from_ref(&prog.file), &[]).is_some() {
        anyhow::bail!("cannot load {}", prog.file.display());
    }
    let opts = s.link_options(entry);
    let a = s.forth.link(&mut s.machine, &opts).map_err(|d| anyhow::anyhow!("cannot link: {d}"))?;
    let options = recorded_options(provenance(&a.bytes).as_ref());
    let me = SourceRef { file: prog.file.display().to_string(), sha256: file_sha256(&prog.file)? };
    Ok((a.bytes, (options, vec![me])))
}

/// What a module records about how it was built: compiler options, sources.
type Recorded = (BTreeMap<String, String>, Vec<SourceRef>);

/// Loads compiled code back, as a warm run would.
fn warm_load(engine: &Engine, cache: Option<&ModuleCache>, module: &[u8], code: &[u8]) -> anyhow::Result<Module> {
    if let Some(c) = cache {
        if c.store(engine, module, code).is_ok() {
            if let Lookup::Hit(m) = c.lookup(engine, module) {
                return Ok(m);
            }
        }
    }
    // SAFETY: `code` was just produced by `engine.precompile_module`.
    Ok(unsafe { Module::deserialize(engine, code) }?)
}

/// One isolated iteration: (instantiate ns, run ns, output, memory pages).
fn iteration(
    engine: &Engine,
    module: &Module,
    info: &ImageInfo,
    xt: u32,
    limits: &Limits,
) -> anyhow::Result<(u64, u64, Vec<u8>, u64)> {
    let (console, out) = Console::capture();
    let mut m = NativeMachine::new(engine, console, None);
    let t = Instant::now();
    m.boot_compiled(module).map_err(|f| anyhow::anyhow!("cannot instantiate: {f:?}"))?;
    let inst = t.elapsed().as_nanos() as u64;
    let mut forth = Forth::from_image(info, false);
    m.set_deadline(engine::deadline_ticks(Some(limits.timeout)));
    let t = Instant::now();
    let res = forth.run_xt(&mut m, xt);
    let run = t.elapsed().as_nanos() as u64;
    m.flush_output();
    if let Err(Stop::Error(d)) = res {
        anyhow::bail!("{d}");
    }
    Ok((inst, run, out.take(), m.memory_pages()))
}

/// What [`measure`] calls back while it runs.
pub struct Hooks<'a> {
    /// Vets the cold iteration's output before any time counts.
    pub check: &'a mut dyn FnMut(&[u8]) -> anyhow::Result<()>,
    /// Called after each iteration (progress).
    pub tick: &'a mut dyn FnMut(),
    /// Called after each timed iteration: the references' turns.
    pub between: &'a mut dyn FnMut() -> anyhow::Result<()>,
}

/// Measures `prog`, calling `hooks` as it goes.
pub fn measure(
    engine: &Engine,
    cache: Option<&ModuleCache>,
    prog: &Program,
    limits: &Limits,
    plan: &Plan,
    hooks: Hooks<'_>,
) -> anyhow::Result<Measured> {
    let mut phases = BTreeMap::new();
    let t = Instant::now();
    let (module, (options, sources)) = front_end(prog, limits, plan.entry.as_deref())?;
    phases.insert("front_end".to_string(), t.elapsed().as_nanos() as u64);
    let info = compiler::link::image_info(&module).map_err(anyhow::Error::msg)?;
    let t = Instant::now();
    let code = engine.precompile_module(&module).map_err(|e| e.context("Cranelift cannot compile the module"))?;
    phases.insert("compile".to_string(), t.elapsed().as_nanos() as u64);
    let t = Instant::now();
    let compiled = warm_load(engine, cache, &module, &code)?;
    phases.insert("cache_load".to_string(), t.elapsed().as_nanos() as u64);
    let (entry, xt) = match &plan.entry {
        Some(name) if prog.is_module => match info.words.iter().rev().find(|w| w.name.eq_ignore_ascii_case(name)) {
            Some(w) => (w.name.clone(), w.xt),
            None => anyhow::bail!("{} has no word named {name}", prog.file.display()),
        },
        _ => (info.entry.clone(), info.entry_xt),
    };

    let (inst, cold_ns, output, mut pages) = iteration(engine, &compiled, &info, xt, limits)?;
    (hooks.tick)();
    (hooks.check)(&output)?;
    let mut insts = vec![inst];
    let mut samples = Vec::new();
    let mut probe = Vec::new();
    let speed = SpeedProbe::new();
    let mut n = 0u32;
    loop {
        let timed = n >= plan.warmup;
        if timed && plan.enough(&samples) {
            break;
        }
        if timed {
            probe.push(speed.time_ns());
        }
        let (inst, ns, out, p) = iteration(engine, &compiled, &info, xt, limits)?;
        anyhow::ensure!(out == output, "the output of iteration {} differs from the first one's", n + 2);
        insts.push(inst);
        pages = pages.max(p);
        if timed {
            samples.push(ns);
        }
        n += 1;
        (hooks.tick)();
        if timed {
            (hooks.between)()?;
        }
    }
    // The same median as every other summary (the upper of the middle two
    // for an even count was a rule of its own).
    let inst = compiler::stats::Summary::of(&insts).map_or(0, |s| s.median_ns);
    phases.insert("instantiate".to_string(), inst);
    Ok(Measured { entry, sources, module, phases, cold_ns, samples, probe, pages, options })
}

/// The sha256 of a file's bytes as hex, for reports.
pub fn file_sha256(path: &Path) -> anyhow::Result<String> {
    Ok(compiler::digest::sha256_hex(&std::fs::read(path)?))
}
