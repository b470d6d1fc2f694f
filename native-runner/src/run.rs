//! `native-runner run`: load Forth files in order, like `gforth FILE... -e bye`.

use std::path::PathBuf;

use crate::console::Console;
use crate::session::{Limits, Session};

/// Load Forth source files in order, then evaluate each -e string, and exit.
///
/// Standard output gets the program's output and nothing else. Standard
/// input feeds KEY and ACCEPT. An uncaught error prints
/// FILE:LINE:COL: error: WORD: MESSAGE (THROW N) to standard error and exits 1.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Forth source files, loaded in order.
    pub files: Vec<PathBuf>,
    /// Forth code to interpret after the files; may be given more than once.
    #[arg(short = 'e', long = "evaluate", value_name = "CODE")]
    pub eval: Vec<String>,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: RunArgs) -> anyhow::Result<i32> {
    let mut s = Session::boot(&args.limits, Console::stdio())?;
    s.arm_timeout(&args.limits);
    for file in &args.files {
        let path = file.to_string_lossy();
        if let Err(stop) = s.forth.include_file(&mut s.machine, &path) {
            return Ok(if s.report(&stop) { 0 } else { 1 });
        }
    }
    for code in &args.eval {
        if let Err(stop) = s.forth.interpret_line(&mut s.machine, "-e", code) {
            return Ok(if s.report(&stop) { 0 } else { 1 });
        }
    }
    if let Err(stop) = s.forth.end_of_input() {
        s.report(&stop);
        return Ok(1);
    }
    s.machine.flush_output();
    Ok(0)
}
