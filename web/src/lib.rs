//! FastForth/wasm in the browser: the compiler's façade over wasm-bindgen.
//!
//! A [`Session`] is a booted Forth system whose generated modules run on the
//! JavaScript WebAssembly API ([`machine::JsMachine`]). It is meant to live
//! in a Web Worker (it also runs under Node.js, which the tests use): the
//! page sends source text, and gets back the output, the data stack and any
//! diagnostic with its line and column.
//!
//! Guarantee: no input makes a method panic or leaves the session unusable;
//! after an error the next call works on empty stacks, as in the REPL.

pub mod artifact;
pub mod boot_file;
pub mod code_view;
pub mod image;
pub mod machine;
pub mod memory_fs;
pub mod performance;
pub mod prelude_file;
pub mod stream;
pub mod word_docs;

use compiler::{Diagnostic, Forth, Limits, LinkOptions, Stop};
use machine::JsMachine;
use wasm_bindgen::prelude::*;

/// What one call produced.
#[wasm_bindgen(getter_with_clone)]
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// The program's output during the call.
    pub output: String,
    /// The diagnostic, formatted as `file:line:col: error: …`, if any.
    pub error: Option<String>,
    /// The diagnostic's 1-based line, or 0.
    pub line: u32,
    /// The diagnostic's 1-based column, or 0.
    pub column: u32,
    /// Whether the program executed `BYE`.
    pub bye: bool,
}

/// A booted Forth system.
#[wasm_bindgen]
pub struct Session {
    forth: Forth,
    machine: JsMachine,
    /// The dictionary's size after boot: later headers are the user's.
    boot_words: usize,
    /// The limits it was booted with.
    limits: Limits,
}

#[wasm_bindgen]
impl Session {
    /// Boots a system with the default limits (those of `native-runner run`)
    /// from source: the prelude must have been set ([`prelude_file`]).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Session, String> {
        Session::boot(Limits::default())
    }

    /// Boots a system with limits given as JSON, named as the native
    /// options are: `{"memory", "data_stack", "return_stack", "float_stack",
    /// "max_input", "max_nesting", "opt_level"}` (MiB for `memory` and
    /// `max_input`); a missing field takes its default. A value that
    /// `native-runner` would refuse is refused with the option's name. It
    /// boots from source, as [`Session::new`] does.
    pub fn with_limits(json: &str) -> Result<Session, String> {
        Session::boot(Limits::from_json(json)?)
    }

    /// The limits in force, as JSON with every field.
    pub fn limits_json(&self) -> String {
        serde_json::to_string(&self.limits).unwrap_or_default()
    }

    /// The default limits, as JSON with every field.
    pub fn default_limits_json() -> String {
        serde_json::to_string(&Limits::default()).unwrap_or_default()
    }

    /// Streams output to `sink(bytes: Uint8Array)` while a call runs (what
    /// is left at its end still comes in [`Outcome::output`]); `None` stops.
    pub fn set_output_sink(&mut self, sink: Option<js_sys::Function>) {
        self.machine.io().sink = sink.map(stream::OutputSink::new);
    }

    /// The user's definitions, oldest first, as a JSON array of
    /// `{"name", "kind", "immediate", "effect"}` (`effect` is `"( 1 -- 1 )"`
    /// or `null` when it is dynamic).
    pub fn words_json(&mut self) -> String {
        let words: Vec<serde_json::Value> = self
            .forth
            .words_since(self.boot_words)
            .into_iter()
            .map(|w| {
                serde_json::json!({
                    "name": w.name,
                    "kind": w.kind,
                    "immediate": w.immediate,
                    "effect": w.effect.map(|e| e.to_string()),
                })
            })
            .collect();
        serde_json::Value::Array(words).to_string()
    }

    /// What the optimizer did to each of the program's definitions, as
    /// `native-runner explain --format json` prints it (schema
    /// `fastforth.explain/1`), or `{"error": ...}`.
    pub fn explain_json(&mut self) -> String {
        let doc = match self.forth.explain(None) {
            Ok(words) => serde_json::json!({ "schema": "fastforth.explain/1", "words": words }),
            Err(d) => serde_json::json!({ "error": d.message }),
        };
        doc.to_string()
    }

    /// Links the loaded program into one module, exactly as
    /// `native-runner build` does with the default options; `entry` defaults
    /// to `MAIN`.
    pub fn link(&mut self, entry: Option<String>) -> Result<Vec<u8>, String> {
        let opts = LinkOptions { entry: entry.filter(|e| !e.trim().is_empty()), ..LinkOptions::default() };
        let res = self.forth.link(&mut self.machine, &opts);
        // Anything linking printed is not the program's output.
        self.machine.io().output.clear();
        res.map(|a| a.bytes).map_err(|d| d.to_string())
    }

    /// Adds a file to the in-memory file system that `INCLUDED` reads.
    pub fn add_file(&mut self, name: &str, text: &str) {
        self.machine.io().files.insert(name, text.as_bytes().to_vec());
    }

    /// The text of a file in the in-memory file system (what a program
    /// wrote with the FILE ACCESS or BLOCK words), if it exists.
    pub fn file(&mut self, name: &str) -> Option<String> {
        self.machine.io().files.get(name).map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// Appends text to what `KEY` and `ACCEPT` read.
    pub fn push_input(&mut self, text: &str) {
        self.machine.io().input.extend(text.bytes());
    }

    /// Loads source text as a file named `name`. Text over the input limit
    /// is refused, unread, as `native-runner run` refuses such a file.
    pub fn run_source(&mut self, name: &str, text: &str) -> Outcome {
        let max = self.limits.max_input_bytes();
        let res = if text.len() as u64 > max {
            Err(Stop::Error(Diagnostic::new(format!("cannot read {name}: {}", memory_fs::too_large(max)))))
        } else {
            self.forth.load_source(&mut self.machine, name, text.as_bytes()).and_then(|()| self.forth.end_of_input())
        };
        // An error that ends the program ends its output with a newline, as
        // `native-runner run` and gforth do on standard output; so does
        // QUIT (gforth's interactive loop meets the end of its input).
        if matches!(res, Err(Stop::Error(_) | Stop::Quit)) {
            self.machine.io().output.push(b'\n');
        }
        finish(&mut self.forth, &mut self.machine, res)
    }

    /// Interprets one line, keeping all state (the REPL).
    pub fn interpret_line(&mut self, line: &str) -> Outcome {
        let res = self.forth.interpret_line(&mut self.machine, "<repl>", line);
        finish(&mut self.forth, &mut self.machine, res)
    }

    /// The data stack, bottom first.
    pub fn stack(&mut self) -> Vec<i32> {
        self.forth.data_stack(&mut self.machine)
    }

    /// The float stack, bottom first.
    pub fn float_stack(&mut self) -> Vec<f64> {
        self.forth.float_stack(&mut self.machine)
    }

    /// Whether a definition is open (the REPL shows "compiled").
    pub fn is_compiling(&self) -> bool {
        self.forth.is_compiling()
    }
}

impl Session {
    fn boot(limits: Limits) -> Result<Session, String> {
        Session::start(limits, |forth, machine| {
            prelude_file::with_prelude(|texts| forth.boot_with(machine, texts).map_err(|s| s.to_string()))
        })
    }

    /// A system with `limits` on a fresh machine, booted by `boot` (from
    /// source, or from a snapshot).
    pub(crate) fn start(
        limits: Limits,
        boot: impl FnOnce(&mut Forth, &mut JsMachine) -> Result<(), String>,
    ) -> Result<Session, String> {
        let mut machine = JsMachine::new();
        machine.io().files.max_source = limits.max_input_bytes();
        let mut forth = Forth::new(limits.config());
        boot(&mut forth, &mut machine)?;
        let boot_words = forth.word_count();
        Ok(Session { forth, machine, boot_words, limits })
    }
}

/// Turns the end of a call into an [`Outcome`]: takes the output left
/// over, and after an error resets the system so the next call works.
pub(crate) fn finish(forth: &mut Forth, machine: &mut JsMachine, res: Result<(), Stop>) -> Outcome {
    let output = String::from_utf8_lossy(&std::mem::take(&mut machine.io().output)).into_owned();
    let mut out = Outcome { output, ..Outcome::default() };
    match res {
        Ok(()) => {}
        Err(Stop::Bye) => out.bye = true,
        // gforth's interactive loop, which QUIT goes back to, is the page.
        Err(Stop::Quit) => {}
        Err(Stop::Error(d)) => {
            if let Some(loc) = &d.location {
                out.line = loc.line;
                out.column = loc.col;
            }
            out.error = Some(d.to_string());
            forth.reset(machine);
        }
    }
    out
}

/// Limits given as JSON (as [`Session::with_limits`] takes them) with every
/// field, as [`Session::limits_json`] gives them: two JSON texts name the
/// same limits exactly when their canonical forms are equal (the worker
/// compares them to reuse a session it booted ahead of time). Throws what
/// `with_limits` would.
#[wasm_bindgen]
pub fn canonical_limits(json: &str) -> Result<String, String> {
    Ok(serde_json::to_string(&Limits::from_json(json)?).unwrap_or_default())
}

/// The compiler's version.
#[wasm_bindgen]
pub fn version() -> String {
    compiler::VERSION.to_string()
}
