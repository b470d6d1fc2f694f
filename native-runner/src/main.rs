//! `native-runner`: runs FastForth/wasm programs on wasmtime with Cranelift.
//!
//! Every subcommand is listed in [`Command`]; each lives in its own file.
//! Programs run on a thread with a large stack, so that deep recursion in
//! wasm ends in a clean THROW -5 rather than a crash.

mod aot;
mod bench;
mod build;
mod cache_command;
mod calibrate;
mod counting;
mod explain;
mod history;
mod host;
mod info;
mod predict;
mod profile;
mod provenance;
mod provenance_tracker;
mod provenance_verify;
mod repl;
mod run;
mod sampling;
mod session;
mod store;

use native_runner::{console, engine, interrupt, machine, module_cache};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// FastForth/wasm: a Forth 2012 system whose code is WebAssembly.
#[derive(Parser, Debug)]
#[command(name = "native-runner", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum Command {
    Run(run::RunArgs),
    Build(build::BuildArgs),
    Repl(repl::ReplArgs),
    Bench(bench::BenchArgs),
    History(history::HistoryArgs),
    Info(info::InfoArgs),
    Cache(cache_command::CacheArgs),
    Provenance(provenance::ProvenanceArgs),
    Predict(predict::PredictArgs),
    Calibrate(calibrate::CalibrateArgs),
    Profile(profile::ProfileArgs),
    Explain(explain::ExplainArgs),
}

fn main() {
    let mut command = Cli::command();
    // Each subcommand's arguments are built only when it is the one that
    // runs (`defer`): building all of them took half a millisecond of every
    // start-up. The overview (`--help`, `help`, no or an unknown command)
    // lists every subcommand's description, so it builds them all first.
    let first = std::env::args_os().nth(1);
    if first.as_ref().and_then(|a| a.to_str()).is_none_or(|a| a == "help" || command.find_subcommand(a).is_none()) {
        command.build();
    }
    let matches = command.get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // The program's arguments keep the order of the command line, which
    // the derived struct loses.
    if let (Command::Run(a), Some(("run", m))) = (&mut cli.command, matches.subcommand()) {
        a.ordered = run::command_line(m);
    }
    // The thread that ran the command ends the process itself: waking this
    // one to do it cost a tenth of a millisecond of every run.
    let worker = std::thread::Builder::new().name("forth".into()).stack_size(engine::THREAD_STACK).spawn(move || {
        let result = match cli.command {
            Command::Run(a) => run::run(a),
            Command::Build(a) => build::run(a),
            Command::Repl(a) => repl::run(a),
            Command::Bench(a) => bench::run(a),
            Command::History(a) => history::run(a),
            Command::Info(a) => info::run(a),
            Command::Cache(a) => cache_command::run(a),
            Command::Provenance(a) => provenance::run(a),
            Command::Predict(a) => predict::run(a),
            Command::Calibrate(a) => calibrate::run(a),
            Command::Profile(a) => profile::run(a),
            Command::Explain(a) => explain::run(a),
        };
        let code = result.unwrap_or_else(|e| {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("Caused by: {cause}");
            }
            2
        });
        std::process::exit(code)
    });
    let code = match worker.map(|w| w.join()) {
        Ok(Ok(())) => unreachable!("the runner thread ends the process"),
        Ok(Err(_)) => {
            eprintln!("error: internal error: the runner panicked");
            101
        }
        Err(e) => {
            eprintln!("error: cannot start the runner thread: {e}");
            2
        }
    };
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
