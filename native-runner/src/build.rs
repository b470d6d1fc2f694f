//! `native-runner build`: load a program, then link it into one module.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::console::Console;
use crate::session::{Limits, Session};

/// Load Forth source files (running them, as `run` does), then link the
/// program into one self-contained, deterministic WebAssembly module: every
/// reachable word, the memory snapshot, the table of execution tokens, an
/// export for the entry word and a provenance section.
#[derive(clap::Args, Debug)]
pub struct BuildArgs {
    /// Forth source files, loaded in order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Forth code to interpret after the files; may be given more than once.
    #[arg(short = 'e', long = "evaluate", value_name = "CODE", allow_hyphen_values = true)]
    pub eval: Vec<String>,
    /// The word the module exports as its entry point [default: MAIN].
    #[arg(long, value_name = "WORD")]
    pub entry: Option<String>,
    /// Where to write the module [default: the first file with .wasm, or
    /// .cwasm with --aot].
    #[arg(short, long, value_name = "OUT.wasm")]
    pub output: Option<PathBuf>,
    /// Also compile the module ahead of time with Cranelift and write a
    /// .cwasm (machine code plus the module), which `run` loads without
    /// compiling.
    #[arg(long)]
    pub aot: bool,
    /// With --aot, compile for this target triple (e.g.
    /// aarch64-unknown-linux-gnu) instead of this host.
    #[arg(long, value_name = "TRIPLE", requires = "aot")]
    pub target: Option<String>,
    /// Also write the module as WebAssembly text (wasmprinter), as the
    /// playground's code view shows it.
    #[arg(long, value_name = "OUT.wat")]
    pub wat: Option<PathBuf>,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: BuildArgs) -> anyhow::Result<i32> {
    let mut s = Session::boot(&args.limits, Console::stdio())?;
    s.arm_timeout(&args.limits);
    if let Some(code) = s.load(&args.files, &args.eval) {
        return Ok(code);
    }
    let opts = s.link_options(args.entry.as_deref());
    let artifact = match s.forth.link(&mut s.machine, &opts) {
        Ok(a) => a,
        Err(d) => {
            s.machine.flush_output();
            eprintln!("{d}");
            return Ok(1);
        }
    };
    s.machine.flush_output();
    let ext = if args.aot { "cwasm" } else { "wasm" };
    let out = args.output.clone().unwrap_or_else(|| args.files[0].with_extension(ext));
    let bytes = match args.aot {
        true => crate::aot::compile(&artifact.bytes, args.target.as_deref())
            .with_context(|| format!("cannot compile for {}", args.target.as_deref().unwrap_or("this host")))?,
        false => artifact.bytes.clone(),
    };
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    if let Some(wat) = &args.wat {
        let text = wasmprinter::print_bytes(&artifact.bytes).context("cannot print the module as text")?;
        std::fs::write(wat, text).with_context(|| format!("cannot write {}", wat.display()))?;
    }
    eprintln!(
        "wrote {} ({} bytes, entry {}, {} of {} definitions)",
        out.display(),
        bytes.len(),
        artifact.entry,
        artifact.functions.0,
        artifact.functions.1
    );
    Ok(0)
}
