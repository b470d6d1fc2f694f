//! `native-runner repl`: an interactive session with line editing and history.

use rustyline::error::ReadlineError;
use rustyline::DefaultEditor;

use compiler::Stop;

use crate::console::Console;
use crate::session::{Limits, Session};

/// Interactive Forth, like gforth's: each line is interpreted and followed by
/// " ok" (or " compiled" inside a definition). An error is reported for its
/// line; the session goes on with empty stacks. BYE or end of input exits.
#[derive(clap::Args, Debug)]
pub struct ReplArgs {
    /// Forth source files to load before the first prompt.
    pub files: Vec<std::path::PathBuf>,
    /// Where to keep the line history [default: ~/.fastforth_history].
    #[arg(long, value_name = "FILE")]
    pub history: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub limits: Limits,
}

/// Runs the subcommand; returns the process exit code.
pub fn run(args: ReplArgs) -> anyhow::Result<i32> {
    let mut s = Session::boot(&args.limits, Console::stdio())?;
    // The files are the REPL's to load, so the program sees only `0 ARG`.
    s.set_args(&[])?;
    for file in &args.files {
        s.arm_timeout(&args.limits);
        if let Err(stop) = s.forth.include_file(&mut s.machine, &file.to_string_lossy()) {
            if s.report(&stop) {
                return Ok(0);
            }
            s.forth.reset(&mut s.machine);
        }
    }
    let history = args
        .history
        .clone()
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".fastforth_history")));
    let mut editor = DefaultEditor::new()?;
    let mut history_failed = false;
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    println!("FastForth/wasm {}; type BYE to leave.", compiler::VERSION);
    let code = loop {
        let line = match editor.readline("") {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break 0,
            Err(e) => return Err(e.into()),
        };
        let _ = editor.add_history_entry(line.as_str());
        if let Some(h) = history.as_ref().filter(|_| !history_failed) {
            // Each line is saved as soon as it is entered, so a crash or a
            // killed terminal loses nothing; a history that cannot be saved
            // is said once, and the session goes on.
            if let Err(e) = editor.append_history(h) {
                eprintln!("warning: cannot save the history to {}: {e}", h.display());
                history_failed = true;
            }
        }
        s.arm_timeout(&args.limits);
        match s.forth.interpret_line(&mut s.machine, "<repl>", &line) {
            Ok(()) => {
                s.print_warnings();
                let ok = if s.forth.is_compiling() { " compiled" } else { " ok" };
                s.machine.console().write(ok.as_bytes());
                s.machine.console().write(b"\n");
                s.machine.flush_output();
            }
            // QUIT comes back here, as to gforth's interactive loop.
            Err(Stop::Quit) => {
                s.machine.console().write(b" ok\n");
                s.machine.flush_output();
            }
            Err(stop) => {
                if s.report(&stop) {
                    break 0;
                }
                s.forth.reset(&mut s.machine);
            }
        }
    };
    s.machine.flush_output();
    Ok(code)
}
