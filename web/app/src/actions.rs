//! What the buttons do, and what the worker's messages change: the only
//! code that writes what the worker answers into the [`State`]. The
//! inputs (the settings, entry and iteration fields, the editor's text and
//! cursor word, the code view's hovered token, a share link opened) write
//! their own signals where they are.
//!
//! Guarantee: a message from the worker is shown as text only; a failed
//! request ends in a message, never in a page that waits forever.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::history::History;
use crate::js::{field, flag, list, number, numbers, object, opt_text, text};
use crate::report::Report;
use crate::results::{Bench, Definition, Header, Prediction, Word, WordRemarks};
use crate::shell::EarlyRun;
use crate::state::{Artifact, ErrorMark, ReplEntry, State, WordCode};
use crate::worker::WorkerClient;

/// The worker, kept on the page's thread.
pub type Client = StoredValue<Option<WorkerClient>, LocalStorage>;

/// Starts the worker, wired to `state`, taking over the run the start-up
/// shell began on the early worker, if any: the page shows it as its own
/// Run (its events, replayed as the worker is adopted, fill the output).
pub fn start_worker(state: State, early: Option<EarlyRun>) -> Client {
    let client: Client = StoredValue::new_local(None);
    let c = WorkerClient::new(move |msg| on_message(state, client, msg));
    // Stored before it starts: the early worker's `ready`, handed over as
    // it starts, may already send (a link to open).
    client.set_value(Some(c.clone()));
    if let Some(run) = early {
        begin_run(state, run.name, run.source);
        if !run.sent {
            // Queued until the worker is ready.
            c.send(run.request);
        }
    }
    c.spawn();
    client
}

/// Sends a request to the worker (now, or once it is ready).
pub fn send(client: Client, msg: JsValue) {
    client.with_value(|c| {
        if let Some(c) = c {
            c.send(msg)
        }
    });
}

/// Shows the example `GROUP/NAME` (fetched; Run waits for it).
pub fn load_example(state: State, key: String) {
    let Some((group, name)) = crate::examples::find(&key) else { return };
    state.example_loading.set(true);
    leptos::task::spawn_local(async move {
        match crate::examples::fetch(group, name).await {
            Ok(text) => {
                state.source.set(text);
                state.error.set(None);
            }
            Err(e) => state.status.set(e),
        }
        state.example_loading.set(false);
    });
}

/// Run: a fresh system loads the editor's text, then links it.
pub fn run(state: State, client: Client) {
    // The editor shows the old text until the example's comes.
    if state.example_loading.get_untracked() {
        return;
    }
    let source = state.source.get_untracked();
    let name = state.source_name.get_untracked();
    begin_run(state, name.clone(), source.clone());
    send(
        client,
        object(&[
            ("type", "run".into()),
            ("source", source.into()),
            ("name", name.into()),
            ("entry", state.entry.get_untracked().into()),
            ("limits", limits_json(state).into()),
        ]),
    );
}

/// The page as a Run of `source` (named `name`) begins: the last run's
/// results cleared, the status running.
fn begin_run(state: State, name: String, source: String) {
    state.output.set(String::new());
    state.error.set(None);
    state.stack.set(Vec::new());
    state.artifact.set(None);
    state.artifact_error.set(None);
    state.repl.set(Vec::new());
    state.run_ms.set(None);
    state.reset_note.set(None);
    state.prediction.set(None);
    state.running.set(true);
    state.status.set("running…".into());
    state.ran_source.set(Some((name, source)));
}

/// The settings, as the worker's `Session.with_limits` takes them.
fn limits_json(state: State) -> String {
    crate::limits::to_json(&state.limits.get_untracked())
}

/// Stop: ends whatever the worker runs by replacing the worker.
pub fn stop(state: State, client: Client) {
    client.with_value(|c| {
        if let Some(c) = c {
            c.restart()
        }
    });
    let was = state.running.get_untracked() || state.progress.get_untracked().is_some();
    state.running.set(false);
    state.progress.set(None);
    state.predicting.set(false);
    state.ready.set(false);
    state.repl.update(|r| {
        for e in r.iter_mut().filter(|e| e.response.is_none()) {
            e.response = Some(format!("{} [stopped]", e.output));
        }
    });
    // The fresh worker knows nothing of the program: say so, and show no
    // stack or words that no longer exist. The editor's text, the REPL's
    // transcript and history stay; nothing runs again until Run.
    state.stack.set(Vec::new());
    state.words.set(Vec::new());
    state.remarks.set(Vec::new());
    state.definitions.set(Vec::new());
    state.code_word.set(None);
    state.word_code.set(None);
    state.reset_note.set(Some(
        "Stopped: the program's state was reset. The REPL now runs on a fresh system; press Run to load the program again."
            .into(),
    ));
    state.status.set(if was { "stopped; starting a fresh compiler…" } else { "restarting the compiler…" }.into());
}

/// One REPL line against the loaded program.
pub fn repl(state: State, client: Client, line: String) {
    state.repl.update(|r| r.push(ReplEntry { input: line.clone(), output: String::new(), response: None }));
    if !line.trim().is_empty() {
        state.repl_history.update(|h| {
            h.retain(|l| l != &line);
            h.push(line.clone());
            crate::storage::save_history(h);
        });
    }
    state.running.set(true);
    // A fresh system (after Stop, or before any Run) boots with the settings.
    send(client, object(&[("type", "repl".into()), ("line", line.into()), ("limits", limits_json(state).into())]));
}

/// Bench the entry word of the loaded program.
pub fn bench(state: State, client: Client) {
    let n = state.iterations.get_untracked().clamp(1, 1_000_000);
    state.bench_error.set(None);
    state.progress.set(Some((0, n)));
    // The worker predicts right after the bench (see worker.js).
    state.predicting.set(true);
    let entry = state.entry.get_untracked();
    send(client, object(&[("type", "bench".into()), ("entry", entry.into()), ("iterations", JsValue::from(n))]));
}

/// The performance model's prediction for the entry word: one counted
/// call of it in the worker (the Performance tab; a Bench makes one too).
pub fn predict(state: State, client: Client) {
    state.predicting.set(true);
    let entry = state.entry.get_untracked();
    send(client, object(&[("type", "perf".into()), ("entry", entry.into())]));
}

/// The worker's answer to [`predict`] or to a Bench: the prediction
/// (`compiler::cost::prediction::Prediction`) or an error.
fn on_prediction(state: State, msg: &JsValue) {
    state.predicting.set(false);
    state.prediction.set(Some(answer(msg).map(|()| Prediction::from_js(&field(msg, "prediction")))));
}

/// Imports a pasted native bench report (the worker reads it; see
/// [`on_message`]).
pub fn import_report(client: Client, text: String) {
    send(client, object(&[("type", "report".into()), ("text", text.into())]));
}

/// Imports a pasted history (the worker reads it).
pub fn import_history(client: Client, text: String) {
    send(client, object(&[("type", "history".into()), ("text", text.into())]));
}

/// The worker's answer to a request it either does or refuses: `Err` with
/// its reason when the message has an `error`.
fn answer(msg: &JsValue) -> Result<(), String> {
    opt_text(msg, "error").map_or(Ok(()), Err)
}

/// Asks for the code of `word` (the code view).
pub fn code(client: Client, word: String) {
    send(client, object(&[("type", "code".into()), ("word", word.into())]));
}

/// The worker's answer to [`code`]; an answer for a word no longer chosen
/// is dropped.
fn on_code(state: State, msg: &JsValue) {
    let word = text(msg, "word");
    if state.code_word.get_untracked().is_none_or(|w| !w.eq_ignore_ascii_case(&word)) {
        return;
    }
    state.hot_token.set(None);
    if let Some(e) = opt_text(msg, "error") {
        state.word_code.set(Some(Err(e)));
        return;
    }
    let lines: Vec<String> =
        js_sys::Array::from(&field(msg, "lines")).iter().map(|l| l.as_string().unwrap_or_default()).collect();
    let line_tokens = numbers(msg, "lineTokens");
    state.word_code.set(Some(Ok(WordCode {
        name: text(msg, "name"),
        effect: text(msg, "effect"),
        file: opt_text(msg, "file"),
        linked: text(msg, "linked"),
        lines: lines.into_iter().zip(line_tokens.into_iter().map(|t| t as i32).chain(std::iter::repeat(-1))).collect(),
        tokens: text(msg, "tokens"),
    })));
}

fn on_message(state: State, client: Client, msg: JsValue) {
    match text(&msg, "type").as_str() {
        "ready" => {
            state.ready.set(true);
            state.version.set(text(&msg, "version"));
            // A link the page was opened with is opened first (again, if
            // Stop replaced the worker that was opening it).
            match state.link_to_open.get_untracked() {
                Some(link) => {
                    state.status.set("opening the link…".into());
                    send(client, object(&[("type", "open".into()), ("link", link.into())]));
                }
                None if !state.running.get_untracked() => state.status.set("ready".into()),
                None => {}
            }
        }
        "out" if text(&msg, "kind") == "repl" => state.repl.update(|r| {
            if let Some(e) = r.iter_mut().find(|e| e.response.is_none()) {
                e.output.push_str(&text(&msg, "text"));
            }
        }),
        "out" => state.output.update(|o| o.push_str(&text(&msg, "text"))),
        "result" => on_result(state, &msg),
        "code" => on_code(state, &msg),
        "perf" => on_prediction(state, &msg),
        "artifact" => match opt_text(&msg, "error") {
            Some(e) => state.artifact_error.set(Some(e)),
            None => {
                let bytes = js_sys::Uint8Array::new(&field(&msg, "bytes")).to_vec();
                state.artifact.set(Some(Artifact {
                    bytes,
                    sha256: text(&msg, "sha256"),
                    wat: text(&msg, "wat"),
                    provenance: opt_text(&msg, "provenance"),
                    link_ms: number(&msg, "linkMs"),
                }));
            }
        },
        "progress" => state.progress.set(Some((number(&msg, "done") as u32, number(&msg, "total") as u32))),
        "bench" => {
            state.progress.set(None);
            match answer(&msg) {
                Ok(()) => state.bench.set(Some(Bench::from_js(&field(&msg, "bench")))),
                Err(e) => state.bench_error.set(Some(e)),
            }
        }
        "headers" => state.headers.set(list(&msg, "headers").iter().map(Header::from_js).collect()),
        "share" => crate::share::on_link(state, &msg),
        "opened" => crate::share::on_opened(state, &msg),
        "report" => match answer(&msg) {
            Ok(()) => {
                state.report.set(Some(Report::from_js(&field(&msg, "report"))));
                state.report_error.set(None);
            }
            Err(e) => state.report_error.set(Some(e)),
        },
        "history" => match answer(&msg) {
            Ok(()) => {
                state.history.set(Some(History::from_js(&field(&msg, "history"))));
                state.history_error.set(None);
            }
            Err(e) => state.history_error.set(Some(e)),
        },
        "failed" => {
            let e = text(&msg, "error");
            if state.predicting.get_untracked() {
                state.predicting.set(false);
                state.prediction.set(Some(Err(e.clone())));
            }
            if state.progress.get_untracked().is_some() {
                state.progress.set(None);
                state.bench_error.set(Some(e.clone()));
            }
            state.repl.update(|r| {
                for entry in r.iter_mut().filter(|entry| entry.response.is_none()) {
                    entry.response = Some(format!("{}failed: {e}", entry.output));
                }
            });
            state.running.set(false);
            state.status.set(format!("failed: {e}"));
        }
        _ => {}
    }
}

fn on_result(state: State, msg: &JsValue) {
    let kind = text(msg, "kind");
    let out = text(msg, "output");
    let error = opt_text(msg, "error");
    state.words.set(list(msg, "words").iter().map(Word::from_js).collect());
    state.remarks.set(list(msg, "remarks").iter().map(WordRemarks::from_js).collect());
    state.stack.set(numbers(msg, "stack").into_iter().map(|x| x as i32).collect());
    let definitions: Vec<Definition> = list(msg, "definitions").iter().map(Definition::from_js).collect();
    // The code view keeps its word while the program still defines it,
    // else shows MAIN, else the first definition.
    let keep = state
        .code_word
        .get_untracked()
        .filter(|w| definitions.iter().any(|d| d.name.eq_ignore_ascii_case(w)))
        .or_else(|| definitions.iter().find(|d| d.name == "MAIN").or(definitions.first()).map(|d| d.name.clone()));
    state.definitions.set(definitions);
    state.code_word.set(keep);
    state.running.set(false);
    if kind == "repl" {
        let suffix = match &error {
            Some(e) => e.clone(),
            None if flag(msg, "compiling") => " compiled".into(),
            None => " ok".into(),
        };
        state.repl.update(|r| {
            if let Some(e) = r.iter_mut().find(|e| e.response.is_none()) {
                e.response = Some(format!("{}{out}{suffix}", e.output));
            }
        });
        state.error.set(error.map(|message| ErrorMark { message, line: 0, column: 0, in_editor: false }));
        state.status.set("ready".into());
        return;
    }
    state.output.update(|o| o.push_str(&out));
    state.run_ms.set(Some(number(msg, "ms")));
    match error {
        Some(message) => {
            state.status.set("error".into());
            state.error.set(Some(ErrorMark {
                message,
                line: number(msg, "line") as u32,
                column: number(msg, "column") as u32,
                in_editor: true,
            }));
        }
        None => state.status.set(format!("done in {} ms", crate::num::fixed(number(msg, "ms"), 1))),
    }
}
