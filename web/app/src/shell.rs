//! The hand-over from the start-up shell: the text, Run button and output
//! that `web/index.html` shows (`#ff-shell`) and `web/shell.js` runs on the
//! early worker before the app has loaded.
//!
//! [`take`] reads the shell's text (what the user may have typed there)
//! and the run it started (the request, and whether the shell sent it),
//! then removes the shell, so the app's own elements are the only ones with
//! the test ids `editor`, `run` and `output` once it has mounted.
//!
//! Guarantee: called once, before the app's view exists; a page without a
//! shell (or whose shell is waiting for a share link) hands over nothing.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

use crate::js::{field, flag, text};

/// The shell's element id in `web/index.html`.
const SHELL_ID: &str = "ff-shell";

/// What the shell hands to the app.
#[derive(Default)]
pub struct Handoff {
    /// The shell editor's text, unless it was waiting for a share link.
    pub source: Option<String>,
    /// The run the shell started, if any.
    pub run: Option<EarlyRun>,
}

/// A run the shell asked the early worker for.
pub struct EarlyRun {
    /// The text it ran and its file name.
    pub source: String,
    pub name: String,
    /// The request (sent again by the app when the shell had not sent it).
    pub request: JsValue,
    /// Whether the shell has sent it (the worker was ready).
    pub sent: bool,
}

/// Takes the shell's text and run, and removes the shell.
pub fn take() -> Handoff {
    let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(SHELL_ID)) else {
        return Handoff::default();
    };
    let source = shell
        .query_selector("textarea")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        .filter(|t| !t.read_only())
        .map(|t| t.value());
    shell.remove();
    Handoff { source, run: early_run() }
}

/// The run `web/shell.js` left beside the early worker (`run` of
/// `window.__fastforthEarlyWorker`, which `worker.rs` adopts later).
fn early_run() -> Option<EarlyRun> {
    let early = field(&web_sys::window()?.into(), crate::worker::EARLY_KEY);
    let run = field(&early, "run");
    if !run.is_object() {
        return None;
    }
    Some(EarlyRun {
        source: text(&run, "source"),
        name: text(&run, "name"),
        request: field(&run, "request"),
        sent: flag(&run, "sent"),
    })
}
