//! `native-runner info`: what this runner is and how it compiles.

use std::path::PathBuf;

use crate::engine::{self, CRANELIFT_OPT_LEVEL, HOST_TARGET};
use crate::host;
use crate::module_cache::ModuleCache;

/// Print the runner's version and git revision, its components, the
/// compiler passes each optimization level enables, the wasmtime version,
/// Cranelift's target and CPU features, and the module cache's location and
/// size.
#[derive(clap::Args, Debug)]
pub struct InfoArgs {
    /// The module cache to describe [default: $XDG_CACHE_HOME/fastforth].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

/// The passes each `-O` level runs, one line per level (levels that run
/// the same passes share a line), then one line per pass saying what it
/// does: all read from the compiler's pipeline table.
pub fn levels() -> String {
    use compiler::pipeline::{Level, Stage, FUNCTION_PASSES, LEVELS, PROGRAM_PASSES};
    let mut o = String::new();
    let mut n = 0;
    while n < LEVELS.len() {
        let passes = Level::of(n as u8).passes();
        let same = (n..LEVELS.len()).take_while(|&m| Level::of(m as u8).passes() == passes).count();
        let names: Vec<String> = (n..n + same).map(|m| format!("-O{m}")).collect();
        let what = match (passes.is_empty(), Level::of(n as u8).optimize) {
            (true, false) => "none: every word keeps its items on the memory stack".to_string(),
            (_, true) => format!(
                "stack-effect inference, static words take and return items as wasm values; {}",
                passes.join(", ")
            ),
            (false, false) => passes.join(", "),
        };
        o += &format!("  {}: {what}\n", names.join(", "));
        n += same;
    }
    for p in PROGRAM_PASSES {
        let when = if p.stage == Stage::Link { "link time" } else { "each batch" };
        o += &format!("    {} ({when}): {}\n", p.name, p.doc);
    }
    for p in FUNCTION_PASSES {
        o += &format!("    {} (each definition): {}\n", p.name, p.doc);
    }
    o
}

/// The report, as text.
pub fn describe(cache_dir: PathBuf) -> String {
    let cache = ModuleCache::new(cache_dir.clone()).ok();
    let (entries, bytes) = cache.as_ref().map_or((0, 0), ModuleCache::usage);
    let limit = cache.as_ref().map_or(crate::module_cache::DEFAULT_MAX_BYTES, ModuleCache::max_bytes);
    let mut o = format!(
        "native-runner {} (git {})\n\
         components: compiler {} (Forth to wasm), runtime (the module ABI), wasmtime {} with Cranelift\n\
         passes (default -O2):\n",
        host::TOOL_VERSION,
        host::GIT_REVISION,
        compiler::VERSION,
        host::WASMTIME_VERSION,
    );
    o += &levels();
    o += &format!(
        "Cranelift: opt level {CRANELIFT_OPT_LEVEL}, target {HOST_TARGET}, CPU features {}\n\
         cross-compilation: build --aot --target TRIPLE (e.g. aarch64-unknown-linux-gnu)\n\
         host: {}, {} cores, {}\n\
         module cache: {} (entries: {entries}, size: {bytes} bytes, limit: {} MiB, set by {})\n",
        engine::host_cpu_features().join(","),
        host::cpu_model(),
        host::cores(),
        host::os(),
        cache_dir.display(),
        limit >> 20,
        crate::module_cache::MAX_ENV,
    );
    o
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: InfoArgs) -> anyhow::Result<i32> {
    print!("{}", describe(args.cache_dir.unwrap_or_else(ModuleCache::default_dir)));
    Ok(0)
}
