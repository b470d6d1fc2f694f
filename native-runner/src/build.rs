//! `native-runner build`: load a program, then link it into one module.

use std::path::PathBuf;

use anyhow::Context as _;
use compiler::LinkOptions;

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
    /// Where to write the module [default: the first file with .wasm].
    #[arg(short, long, value_name = "OUT.wasm")]
    pub output: Option<PathBuf>,
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
    let l = s.forth.layout();
    let opts = LinkOptions {
        entry: args.entry.clone(),
        options: vec![
            ("memory_bytes".into(), l.memory_bytes.to_string()),
            ("data_stack_cells".into(), l.data_stack_cells.to_string()),
            ("return_stack_cells".into(), l.return_stack_cells.to_string()),
            ("float_stack_floats".into(), l.float_stack_floats.to_string()),
        ],
    };
    let artifact = match s.forth.link(&mut s.machine, &opts) {
        Ok(a) => a,
        Err(d) => {
            s.machine.flush_output();
            eprintln!("{d}");
            return Ok(1);
        }
    };
    s.machine.flush_output();
    let out = args.output.clone().unwrap_or_else(|| args.files[0].with_extension("wasm"));
    std::fs::write(&out, &artifact.bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes, entry {}, {} of {} definitions)",
        out.display(),
        artifact.bytes.len(),
        artifact.entry,
        artifact.functions.0,
        artifact.functions.1
    );
    Ok(0)
}
