//! The page's state: one reactive signal per thing the views show.
//!
//! Everything here is data; the worker's messages write it
//! ([`crate::actions`]), the inputs write their own fields (settings,
//! entry, iterations, the editor's text), and the views read it.

use leptos::prelude::*;

use crate::history::History;
use crate::report::Report;
use crate::results::{Bench, Definition, Header, Prediction, Word, WordRemarks};

/// The error of the last run or REPL line.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorMark {
    /// `file:line:col: error: ...`.
    pub message: String,
    /// 1-based line, or 0.
    pub line: u32,
    /// 1-based column, or 0.
    pub column: u32,
    /// Whether it points into the editor's text (not a REPL line).
    pub in_editor: bool,
}

/// The module linked from the loaded program.
#[derive(Clone, Debug, PartialEq)]
pub struct Artifact {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// Lowercase hex sha256 of the bytes.
    pub sha256: String,
    /// WebAssembly text.
    pub wat: String,
    /// The provenance section's JSON text.
    pub provenance: Option<String>,
    /// Time to link, in ms.
    pub link_ms: f64,
}

/// One word's function as the code view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct WordCode {
    /// The word's name, upper case.
    pub name: String,
    /// Its inferred stack effect, or why it has none.
    pub effect: String,
    /// The file its definition is in.
    pub file: Option<String>,
    /// Which linked image the function is from and what linking did to the
    /// word, in a sentence.
    pub linked: String,
    /// The WAT, line by line, each with the index in `tokens` of the source
    /// token it came from (-1: none).
    pub lines: Vec<(String, i32)>,
    /// The source tokens that made code, in source order, as JSON
    /// `[{line, col, len}]` (what the editor marks).
    pub tokens: String,
}

/// One REPL exchange.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplEntry {
    /// What was typed.
    pub input: String,
    /// Output streamed so far.
    pub output: String,
    /// The output, then ` ok`, ` compiled` or the error; `None` while it runs.
    pub response: Option<String>,
}

/// All the page's signals.
#[derive(Clone, Copy)]
pub struct State {
    /// Editor text.
    pub source: RwSignal<String>,
    /// The last run's output, streamed.
    pub output: RwSignal<String>,
    /// Data stack after the last run or REPL line.
    pub stack: RwSignal<Vec<i32>>,
    /// The last error.
    pub error: RwSignal<Option<ErrorMark>>,
    /// User definitions.
    pub words: RwSignal<Vec<Word>>,
    /// What the optimizer did to each of them (`native-runner explain`).
    pub remarks: RwSignal<Vec<WordRemarks>>,
    /// The provenance headers of the source the last Run loaded.
    pub headers: RwSignal<Vec<Header>>,
    /// The linked module.
    pub artifact: RwSignal<Option<Artifact>>,
    /// Why there is no linked module.
    pub artifact_error: RwSignal<Option<String>>,
    /// A run is in progress.
    pub running: RwSignal<bool>,
    /// The text of a chosen example is being fetched.
    pub example_loading: RwSignal<bool>,
    /// Load time (compile and run) of the last run, ms.
    pub run_ms: RwSignal<Option<f64>>,
    /// What the page is doing, in words.
    pub status: RwSignal<String>,
    /// The worker is ready.
    pub ready: RwSignal<bool>,
    /// The compiler's version.
    pub version: RwSignal<String>,
    /// The REPL's transcript.
    pub repl: RwSignal<Vec<ReplEntry>>,
    /// Entry word for the artifact and the bench.
    pub entry: RwSignal<String>,
    /// Bench iterations.
    pub iterations: RwSignal<u32>,
    /// Bench progress (done, total) while it runs.
    pub progress: RwSignal<Option<(u32, u32)>>,
    /// The last bench.
    pub bench: RwSignal<Option<Bench>>,
    /// Why the bench failed.
    pub bench_error: RwSignal<Option<String>>,
    /// The imported native report.
    pub report: RwSignal<Option<Report>>,
    /// Why the import failed.
    pub report_error: RwSignal<Option<String>>,
    /// The imported history (the History tab).
    pub history: RwSignal<Option<History>>,
    /// Why its import failed.
    pub history_error: RwSignal<Option<String>>,
    /// The share link made.
    pub share_url: RwSignal<Option<String>>,
    /// Why no share link could be made.
    pub share_error: RwSignal<Option<String>>,
    /// About the link this page was opened with: (is an error, message).
    pub link_note: RwSignal<Option<(bool, String)>>,
    /// The share link the page was opened with, until the worker has
    /// opened it (the page is not ready before).
    pub link_to_open: RwSignal<Option<String>>,
    /// The limits and optimization level the next Run boots with.
    pub limits: RwSignal<compiler::Limits>,
    /// The file name the editor's text is loaded as (the module records it).
    pub source_name: RwSignal<String>,
    /// Why a setting was refused.
    pub settings_error: RwSignal<Option<String>>,
    /// Set when Stop reset the program's state, until the next Run.
    pub reset_note: RwSignal<Option<String>>,
    /// Lines typed into the REPL, oldest first (kept across runs and reloads).
    pub repl_history: RwSignal<Vec<String>>,
    /// Where the program's colon definitions are, after the last run.
    pub definitions: RwSignal<Vec<Definition>>,
    /// The word the code view shows (chosen from its list, or by the
    /// cursor in the editor).
    pub code_word: RwSignal<Option<String>>,
    /// Its code, or why there is none.
    pub word_code: RwSignal<Option<Result<WordCode, String>>>,
    /// The token under the mouse, in the editor or in the code view (an
    /// index into the tokens of `word_code`).
    pub hot_token: RwSignal<Option<usize>>,
    /// The file name and text the last Run loaded: the code view's tokens
    /// are marked in the editor only while it holds that text.
    pub ran_source: RwSignal<Option<(String, String)>>,
    /// The performance model's prediction for the entry word (the
    /// Performance tab), or why there is none.
    pub prediction: RwSignal<Option<Result<Prediction, String>>>,
    /// A prediction is being made (one counted call in the worker).
    pub predicting: RwSignal<bool>,
}

/// The file name the editor's text is loaded as, unless a link says otherwise.
pub const DEFAULT_SOURCE_NAME: &str = "main.fs";

impl State {
    /// The tokens of the code shown, as the editor marks them (JSON
    /// `[{line, col, len}]`): none unless they are in the text the editor
    /// holds, the one the last Run loaded.
    pub fn editor_tokens(&self) -> String {
        let ran = self.ran_source.get();
        self.word_code.with(|c| match (c, ran) {
            (Some(Ok(c)), Some((name, text)))
                if c.file.as_deref() == Some(name.as_str()) && self.source.with(|s| *s == text) =>
            {
                c.tokens.clone()
            }
            _ => "[]".into(),
        })
    }

    /// The definition of the program's main file that the editor's
    /// position `line`:`col` (1-based) is in, if any.
    pub fn definition_at(&self, line: u32, col: u32) -> Option<String> {
        let file = self.source_name.get_untracked();
        self.definitions.with_untracked(|defs| {
            defs.iter()
                .rev()
                .find(|d| d.file == file && d.start <= (line, col) && (line, col) <= d.end)
                .map(|d| d.name.clone())
        })
    }

    /// The state of a fresh page showing `source`.
    pub fn new(source: String) -> State {
        State {
            source: RwSignal::new(source),
            output: RwSignal::new(String::new()),
            stack: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            words: RwSignal::new(Vec::new()),
            remarks: RwSignal::new(Vec::new()),
            headers: RwSignal::new(Vec::new()),
            artifact: RwSignal::new(None),
            artifact_error: RwSignal::new(None),
            running: RwSignal::new(false),
            example_loading: RwSignal::new(false),
            run_ms: RwSignal::new(None),
            status: RwSignal::new("starting the compiler…".into()),
            ready: RwSignal::new(false),
            version: RwSignal::new(String::new()),
            repl: RwSignal::new(Vec::new()),
            entry: RwSignal::new("MAIN".into()),
            iterations: RwSignal::new(100),
            progress: RwSignal::new(None),
            bench: RwSignal::new(None),
            bench_error: RwSignal::new(None),
            report: RwSignal::new(None),
            report_error: RwSignal::new(None),
            history: RwSignal::new(None),
            history_error: RwSignal::new(None),
            share_url: RwSignal::new(None),
            share_error: RwSignal::new(None),
            link_note: RwSignal::new(None),
            link_to_open: RwSignal::new(None),
            limits: RwSignal::new(crate::storage::load_limits().unwrap_or_default()),
            source_name: RwSignal::new(DEFAULT_SOURCE_NAME.into()),
            settings_error: RwSignal::new(None),
            reset_note: RwSignal::new(None),
            repl_history: RwSignal::new(crate::storage::load_history()),
            definitions: RwSignal::new(Vec::new()),
            code_word: RwSignal::new(None),
            word_code: RwSignal::new(None),
            hot_token: RwSignal::new(None),
            ran_source: RwSignal::new(None),
            prediction: RwSignal::new(None),
            predicting: RwSignal::new(false),
        }
    }
}
