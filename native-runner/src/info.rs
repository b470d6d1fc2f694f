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

/// The passes each `-O` level enables, as (level, description).
pub const PASSES: &[(&str, &str)] = &[
    ("-O0", "none: every word keeps its items on the memory stack"),
    ("-O1", "effects: stack-effect inference; static words take and return items as wasm values; ?DUP before a branch becomes DUP with a DROP on one side (so such words stay static)"),
    ("-O2, -O3", "effects, inline, unroll, tail loops: small straight-line words, and small branching ones (at most 6 blocks, 24 ops, no loop), are inlined into callers (off with --no-inline); small innermost loops run 4 bodies per back edge (--unroll FACTOR); self tail calls become loops (off with --no-tail-loops); a small static recursive word gets its own body pasted in place of its other self calls, twice, so one call runs up to three activations (off with --no-inline); counted loops that reduce or map cell arrays run 4 trips at a time with wasm SIMD (off with --no-vectorize)"),
];

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
    for (level, what) in PASSES {
        o += &format!("  {level}: {what}\n");
    }
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
