//! `native-runner run`: load Forth files in order, like `gforth FILE... -e bye`.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::console::Console;
use crate::session::{Limits, Session};

/// Load Forth source files in order, then evaluate each -e string, and exit.
/// Given one module built by `native-runner build` instead (a .wasm, or a
/// .cwasm from `build --aot`), run its entry word (or --entry WORD), then
/// the -e strings.
///
/// Standard output gets the program's output and nothing else. Standard
/// input feeds KEY and ACCEPT. An uncaught error writes one newline to
/// standard output, as gforth does, then prints
/// FILE:LINE:COL: error: WORD: MESSAGE (THROW N) to standard error and exits 1.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Forth source files, loaded in order.
    pub files: Vec<PathBuf>,
    /// Forth code to interpret after the files; may be given more than once.
    #[arg(short = 'e', long = "evaluate", value_name = "CODE", allow_hyphen_values = true)]
    pub eval: Vec<String>,
    /// The word to run in a built module [default: the module's entry].
    #[arg(long, value_name = "WORD")]
    pub entry: Option<String>,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: RunArgs) -> anyhow::Result<i32> {
    if let [one] = args.files.as_slice() {
        if is_module(one) {
            return run_image(one, &args);
        }
    }
    if args.entry.is_some() {
        anyhow::bail!("--entry applies to a module built by `native-runner build`, not to source files");
    }
    let mut s = Session::boot(&args.limits, Console::stdio())?;
    s.arm_timeout(&args.limits);
    if let Some(code) = s.load(&args.files, &args.eval) {
        return Ok(code);
    }
    s.machine.flush_output();
    Ok(0)
}

/// Whether a file is meant as a wasm module or a `.cwasm` (by its
/// extension or its magic number), not Forth source. A `.wasm` file that is
/// not one of our images is then refused by the image checks rather than
/// read as Forth.
pub fn is_module(path: &std::path::Path) -> bool {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("wasm") || e.eq_ignore_ascii_case("cwasm")) {
        return true;
    }
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && (&magic == b"\0asm" || &magic == b"\x7fELF")
}

fn run_image(path: &std::path::Path, args: &RunArgs) -> anyhow::Result<i32> {
    let max = args.limits.shared().max_input_bytes();
    let bytes = crate::machine::read_capped(&path.to_string_lossy(), max)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let (mut s, info) = Session::boot_image(&args.limits, Console::stdio(), &bytes)
        .with_context(|| format!("cannot run {}", path.display()))?;
    let xt = match &args.entry {
        None => info.entry_xt,
        Some(name) => match info.words.iter().rev().find(|w| w.name.eq_ignore_ascii_case(name)) {
            Some(w) => w.xt,
            None => anyhow::bail!("{} has no word named {name}", path.display()),
        },
    };
    s.arm_timeout(&args.limits);
    if let Err(stop) = s.forth.run_xt(&mut s.machine, xt) {
        return Ok(if s.report_uncaught(&stop) { 0 } else { 1 });
    }
    if let Some(code) = s.load(&[], &args.eval) {
        return Ok(code);
    }
    s.machine.flush_output();
    Ok(0)
}
