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

pub mod machine;

use compiler::{Config, Forth, Stop};
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
}

#[wasm_bindgen]
impl Session {
    /// Boots a system with the default limits.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Session, String> {
        let mut machine = JsMachine::new();
        let mut forth = Forth::new(Config::default());
        forth.boot(&mut machine).map_err(|s| s.to_string())?;
        Ok(Session { forth, machine })
    }

    /// Adds a file to the in-memory file system that `INCLUDED` reads.
    pub fn add_file(&mut self, name: &str, text: &str) {
        self.machine.io().files.insert(name.to_string(), text.as_bytes().to_vec());
    }

    /// Appends text to what `KEY` and `ACCEPT` read.
    pub fn push_input(&mut self, text: &str) {
        self.machine.io().input.extend(text.bytes());
    }

    /// Loads source text as a file named `name`.
    pub fn run_source(&mut self, name: &str, text: &str) -> Outcome {
        let res =
            self.forth.load_source(&mut self.machine, name, text.as_bytes()).and_then(|()| self.forth.end_of_input());
        self.finish(res)
    }

    /// Interprets one line, keeping all state (the REPL).
    pub fn interpret_line(&mut self, line: &str) -> Outcome {
        let res = self.forth.interpret_line(&mut self.machine, "<repl>", line);
        self.finish(res)
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
    fn finish(&mut self, res: Result<(), Stop>) -> Outcome {
        let output = String::from_utf8_lossy(&std::mem::take(&mut self.machine.io().output)).into_owned();
        let mut out = Outcome { output, ..Outcome::default() };
        match res {
            Ok(()) => {}
            Err(Stop::Bye) => out.bye = true,
            Err(Stop::Error(d)) => {
                if let Some(loc) = &d.location {
                    out.line = loc.line;
                    out.column = loc.col;
                }
                out.error = Some(d.to_string());
                self.forth.reset(&mut self.machine);
            }
        }
        out
    }
}

/// The compiler's version.
#[wasm_bindgen]
pub fn version() -> String {
    compiler::VERSION.to_string()
}
