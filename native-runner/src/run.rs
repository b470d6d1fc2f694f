//! `native-runner run`: load Forth files in order, like `gforth FILE... -e bye`.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::console::Console;
use crate::session::{Limits, Session};

/// Load Forth source files and evaluate -e strings in command-line order,
/// as gforth does, and exit. Given one module built by `native-runner
/// build` instead (a .wasm, or a .cwasm from `build --aot`), run its entry
/// word (or --entry WORD), then the -e strings.
///
/// The program sees its command line as gforth's ARGC, ARGV, ARG and
/// NEXT-ARG: 0 ARG is this program as it was started, then come the files
/// and -e CODE pairs not yet loaded (the runner's own options are not
/// there). A file that takes the arguments after it with NEXT-ARG or
/// SHIFT-ARGS keeps them from being loaded, so scripts can take arguments:
/// `native-runner run script.fs input.txt`.
///
/// Standard output gets the program's output and nothing else. Standard
/// input feeds KEY and ACCEPT. An uncaught error writes one newline to
/// standard output, as gforth does, then prints
/// FILE:LINE:COL: error: WORD: MESSAGE (THROW N) to standard error and exits 1.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Forth source files, loaded in order; a program may take some as its
    /// arguments instead.
    pub files: Vec<PathBuf>,
    /// Forth code to interpret, in order with the files; may be given more
    /// than once.
    #[arg(short = 'e', long = "evaluate", value_name = "CODE", allow_hyphen_values = true)]
    pub eval: Vec<String>,
    /// The files and -e strings in command-line order, as the program's
    /// arguments ([`command_line`] fills it in from clap's matches).
    #[arg(skip)]
    pub ordered: Vec<std::ffi::OsString>,
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
    s.set_args(&args.ordered)?;
    s.arm_timeout(&args.limits);
    let code = s.load_command_line().unwrap_or(0);
    s.leave();
    Ok(code)
}

/// The positional files and `-e` strings of a `run` in the order they were
/// given, each `-e` string after a `-e` of its own, as gforth keeps them in
/// its ARGV (`--evaluate CODE` and `-eCODE` also become `-e`, `CODE`).
pub fn command_line(matches: &clap::ArgMatches) -> Vec<std::ffi::OsString> {
    let mut items: Vec<(usize, Vec<std::ffi::OsString>)> = Vec::new();
    let positions = |id: &str| matches.indices_of(id).into_iter().flatten();
    let values = |id: &str| matches.get_raw(id).into_iter().flatten().map(|v| v.to_os_string());
    for (at, file) in positions("files").zip(values("files")) {
        items.push((at, vec![file]));
    }
    for (at, code) in positions("eval").zip(values("eval")) {
        items.push((at, vec!["-e".into(), code]));
    }
    items.sort_by_key(|(at, _)| *at);
    items.into_iter().flat_map(|(_, it)| it).collect()
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
